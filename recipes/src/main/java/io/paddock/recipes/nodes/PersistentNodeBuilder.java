package io.paddock.recipes.nodes;

import io.paddock.recipes.PaddockFramework;
import io.paddock.store.model.CreateMode;
import java.util.Objects;

/** Configures a {@link PersistentNode}. Not thread-safe. */
public final class PersistentNodeBuilder {
  private final PaddockFramework framework;
  private final String path;
  private CreateMode mode = CreateMode.EPHEMERAL;
  private boolean protection;
  private long ttlMs = -1;
  private boolean parentCreation = true;
  private byte[] data = new byte[0];

  PersistentNodeBuilder(PaddockFramework framework, String path) {
    this.framework = Objects.requireNonNull(framework, "framework");
    this.path = Objects.requireNonNull(path, "path");
  }

  /** The kind of node (default EPHEMERAL); not CONTAINER. */
  public PersistentNodeBuilder mode(CreateMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** Whether the first create is protected against lost replies (default false). */
  public PersistentNodeBuilder protection(boolean protection) {
    this.protection = protection;
    return this;
  }

  /** The TTL, for the TTL modes. */
  public PersistentNodeBuilder ttlMs(long ttlMs) {
    this.ttlMs = ttlMs;
    return this;
  }

  /** Whether missing parents are created as containers (default true). */
  public PersistentNodeBuilder parentCreation(boolean parentCreation) {
    this.parentCreation = parentCreation;
    return this;
  }

  /** The node's data (default empty). */
  public PersistentNodeBuilder data(byte[] data) {
    this.data = Objects.requireNonNull(data, "data").clone();
    return this;
  }

  PaddockFramework framework() {
    return framework;
  }

  String path() {
    return path;
  }

  CreateMode mode() {
    return mode;
  }

  boolean protection() {
    return protection;
  }

  long ttlMs() {
    return ttlMs;
  }

  boolean parentCreation() {
    return parentCreation;
  }

  byte[] data() {
    return data;
  }

  /** The node, not yet started. */
  public PersistentNode build() {
    return new PersistentNode(this, true);
  }
}
