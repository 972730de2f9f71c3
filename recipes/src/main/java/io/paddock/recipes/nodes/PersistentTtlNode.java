package io.paddock.recipes.nodes;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A TTL node that lives as long as its owner does (Curator's PersistentTtlNode): a {@link
 * PersistentNode} in PERSISTENT_WITH_TTL mode plus a child {@code <path>/touch}, also a TTL node,
 * that is written every {@code ttlMs / TOUCH_FACTOR}. While the owner runs, the child keeps the
 * parent non-empty and so alive; once the owner dies (or closes) the child's TTL runs out, then the
 * childless parent's, and the server reaps both. Touching the child does not change the parent's
 * data, so the parent's data watchers see no touches. Unlike the ephemeral nodes it survives a
 * session loss for a TTL. {@link #close()} stops touching and leaves the reaping to the server.
 * Needs a server with TTL nodes enabled. Thread-safe.
 */
public final class PersistentTtlNode implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(PersistentTtlNode.class);

  /** The child that is touched. */
  public static final String TOUCH_NAME = "touch";

  /** Touches per TTL. */
  public static final int TOUCH_FACTOR = 2;

  private final PersistentNode node;
  private final String touchPath;
  private final long ttlMs;
  private ScheduledFuture<?> touching;

  /**
   * A TTL node.
   *
   * @param path the node's path
   * @param ttlMs the TTL of the node and of its touch child
   * @param data the node's data
   */
  public PersistentTtlNode(PaddockFramework framework, String path, long ttlMs, byte[] data) {
    if (ttlMs < TOUCH_FACTOR) {
      throw new IllegalArgumentException("ttlMs too small: " + ttlMs);
    }
    this.ttlMs = ttlMs;
    this.touchPath = ZnodePaths.child(ZnodePaths.validate(path), TOUCH_NAME);
    this.node =
        new PersistentNode(
            PersistentNode.builder(framework, path)
                .mode(CreateMode.PERSISTENT_WITH_TTL)
                .ttlMs(ttlMs)
                .data(data),
            false);
  }

  /** Starts creating the node and touching its child. */
  public synchronized void start() {
    node.start();
    long periodMs = ttlMs / TOUCH_FACTOR;
    touching =
        NodeScheduler.INSTANCE.scheduleAtFixedRate(this::touch, 0, periodMs, TimeUnit.MILLISECONDS);
  }

  /** Waits for the node's first create. */
  public boolean waitForInitialCreate(Duration timeout) throws InterruptedException {
    return node.waitForInitialCreate(timeout);
  }

  /** The node's path once created. */
  public Optional<String> actualPath() {
    return node.actualPath();
  }

  /** Changes the node's data. */
  public void setData(byte[] data) throws PaddockException, InterruptedException {
    node.setData(data);
  }

  /** Stops touching; the server reaps the node one or two TTLs later. */
  @Override
  public synchronized void close() {
    if (touching != null) {
      touching.cancel(false);
    }
    node.close();
  }

  private void touch() {
    if (!node.isStarted() || node.actualPath().isEmpty() || !node.framework().isConnected()) {
      return;
    }
    node.framework()
        .create()
        .withMode(CreateMode.PERSISTENT_WITH_TTL)
        .withTtl(ttlMs)
        .orSetData()
        .forPathAsync(touchPath, new byte[0])
        .whenComplete(
            (path, e) -> {
              if (e != null) {
                LOG.debug("touching {} failed; the next touch tries again", touchPath, e);
              }
            });
  }
}
