package io.paddock.recipes.shared;

import io.paddock.client.PaddockException;
import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import java.io.Closeable;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * An int every client shares through one persistent node (Curator's SharedCount): 4 bytes,
 * big-endian, the format of the semaphores' dynamic maximum. A {@link SharedValue} underneath: the
 * same start, watch, reconnect, listener and compare-and-set rules apply. Thread-safe.
 */
public final class SharedCount implements SharedCountReader, Closeable {
  private final SharedValue value;
  private final Map<SharedCountListener, SharedValueListener> adapters = new ConcurrentHashMap<>();

  /**
   * A shared count on a path.
   *
   * @param seedValue the count written at start when the node does not exist
   */
  public SharedCount(PaddockFramework framework, String path, int seedValue) {
    this.value = new SharedValue(framework, path, encode(seedValue));
  }

  /** The bytes of a count as the node holds them. */
  public static byte[] encode(int count) {
    return ByteBuffer.allocate(Integer.BYTES).putInt(count).array();
  }

  /**
   * The count the bytes hold.
   *
   * @throws IllegalStateException if they are not 4 bytes (not a count)
   */
  public static int decode(byte[] bytes) {
    if (bytes == null || bytes.length != Integer.BYTES) {
      throw new IllegalStateException(
          "corrupted shared count: " + (bytes == null ? "no data" : bytes.length + " bytes"));
    }
    return ByteBuffer.wrap(bytes).getInt();
  }

  /** Creates the node with the seed if missing, reads it and starts watching. Once only. */
  public void start() throws PaddockException, InterruptedException {
    value.start();
  }

  /** Stops watching; the node stays. Idempotent. */
  @Override
  public void close() {
    value.close();
  }

  @Override
  public int getCount() {
    return decode(value.getValue());
  }

  @Override
  public VersionedValue<Integer> getVersionedValue() {
    return value.getVersionedValue().map(SharedCount::decode);
  }

  /** Sets the count unconditionally. */
  public void setCount(int newCount) throws PaddockException, InterruptedException {
    value.setValue(encode(newCount));
  }

  /**
   * Sets the count only if the node still holds the version the caller read (compare-and-set).
   *
   * @param previous the count the caller read, from {@link #getVersionedValue()}
   * @return true if written; false if another write came first (the newer count is then read)
   * @throws IllegalTrySetVersionException if {@code previous} has version −1
   */
  public boolean trySetCount(VersionedValue<Integer> previous, int newCount)
      throws PaddockException, InterruptedException {
    return value.trySetValue(previous.map(SharedCount::encode), encode(newCount));
  }

  @Override
  public void addListener(SharedCountListener listener) {
    value.addListener(adapter(listener));
  }

  @Override
  public void addListener(SharedCountListener listener, Executor executor) {
    value.addListener(adapter(listener), executor);
  }

  @Override
  public void removeListener(SharedCountListener listener) {
    SharedValueListener adapter = adapters.remove(listener);
    if (adapter != null) {
      value.removeListener(adapter);
    }
  }

  private SharedValueListener adapter(SharedCountListener listener) {
    Objects.requireNonNull(listener, "listener");
    return adapters.computeIfAbsent(
        listener,
        l ->
            new SharedValueListener() {
              @Override
              public void valueHasChanged(SharedValueReader reader, byte[] newValue)
                  throws Exception {
                l.countHasChanged(SharedCount.this, decode(newValue));
              }

              @Override
              public void stateChanged(PaddockFramework framework, ConnectionState newState) {
                l.stateChanged(framework, newState);
              }
            });
  }
}
