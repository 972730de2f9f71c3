package io.paddock.recipes;

import io.paddock.recipes.internal.ClientThreads;
import io.paddock.recipes.internal.FrameworkConfig;
import io.paddock.recipes.internal.FrameworkCore;
import io.paddock.recipes.internal.FrameworkLimits;
import io.paddock.recipes.internal.Namespace;
import io.paddock.store.model.Acl;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Builds a {@link PaddockFramework}. Only the connect string is required. Defaults: session timeout
 * 60 s, connection timeout 15 s, {@code ExponentialBackoffRetry(100 ms, 3)}, no namespace, open
 * ACL, empty data, daemon threads, {@link StandardConnectionStateErrorPolicy}. Not thread-safe.
 */
public final class PaddockFrameworkBuilder {
  /** The default retry policy's base delay. */
  public static final long RETRY_BASE_SLEEP_MS_DEFAULT = 100;

  /** The default retry policy's number of retries. */
  public static final int RETRIES_DEFAULT = 3;

  private String connectString;
  private int sessionTimeoutMs = FrameworkLimits.SESSION_TIMEOUT_MS_DEFAULT;
  private int connectionTimeoutMs = FrameworkLimits.CONNECTION_TIMEOUT_MS_DEFAULT;
  private RetryPolicy retryPolicy =
      new ExponentialBackoffRetry(RETRY_BASE_SLEEP_MS_DEFAULT, RETRIES_DEFAULT);
  private String namespace;
  private List<Acl> defaultAcl = Acl.OPEN_ACL_UNSAFE;
  private byte[] defaultData = new byte[0];
  private ThreadFactory threadFactory;
  private ConnectionStateErrorPolicy errorPolicy = new StandardConnectionStateErrorPolicy();
  private boolean canBeReadOnly;

  PaddockFrameworkBuilder() {}

  /** The servers and optional chroot, as for the raw client ({@code "h1:2181,h2:2181/app"}). */
  public PaddockFrameworkBuilder connectString(String connectString) {
    this.connectString = Objects.requireNonNull(connectString, "connectString");
    return this;
  }

  /** The session timeout asked of the server; the server may clamp it. */
  public PaddockFrameworkBuilder sessionTimeoutMs(int sessionTimeoutMs) {
    if (sessionTimeoutMs <= 0) {
      throw new IllegalArgumentException("sessionTimeoutMs must be positive");
    }
    this.sessionTimeoutMs = sessionTimeoutMs;
    return this;
  }

  /** How long a request waits for a connection before it fails with ConnectionLoss. */
  public PaddockFrameworkBuilder connectionTimeoutMs(int connectionTimeoutMs) {
    if (connectionTimeoutMs <= 0) {
      throw new IllegalArgumentException("connectionTimeoutMs must be positive");
    }
    this.connectionTimeoutMs = connectionTimeoutMs;
    return this;
  }

  /** The retry policy of every operation. */
  public PaddockFrameworkBuilder retryPolicy(RetryPolicy retryPolicy) {
    this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
    return this;
  }

  /** The namespace prefixed to every path, like {@code app}; null or empty for none. */
  public PaddockFrameworkBuilder namespace(String namespace) {
    Namespace.of(namespace); // validates
    this.namespace = namespace;
    return this;
  }

  /** The ACL of nodes created without {@code withACL} (and of created parents). */
  public PaddockFrameworkBuilder defaultAcl(List<Acl> acl) {
    if (acl == null || acl.isEmpty()) {
      throw new IllegalArgumentException("the default ACL must not be empty");
    }
    this.defaultAcl = List.copyOf(acl);
    return this;
  }

  /** The data of nodes created with {@code forPath(path)} (no data given); default empty. */
  public PaddockFrameworkBuilder defaultData(byte[] data) {
    this.defaultData = Objects.requireNonNull(data, "data").clone();
    return this;
  }

  /** The factory of every thread of the framework and of its raw client. */
  public PaddockFrameworkBuilder threadFactory(ThreadFactory threadFactory) {
    this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
    return this;
  }

  /** Which connection states recipes treat as errors. */
  public PaddockFrameworkBuilder connectionStateErrorPolicy(ConnectionStateErrorPolicy policy) {
    this.errorPolicy = Objects.requireNonNull(policy, "policy");
    return this;
  }

  /** Whether read-only servers are acceptable (then READ_ONLY may be reported). */
  public PaddockFrameworkBuilder canBeReadOnly(boolean canBeReadOnly) {
    this.canBeReadOnly = canBeReadOnly;
    return this;
  }

  /**
   * The framework, not started.
   *
   * @throws IllegalArgumentException without a connect string
   */
  public PaddockFramework build() {
    if (connectString == null) {
      throw new IllegalArgumentException("connectString is required");
    }
    FrameworkConfig config =
        new FrameworkConfig(
            connectString,
            sessionTimeoutMs,
            connectionTimeoutMs,
            retryPolicy,
            Namespace.of(namespace),
            defaultAcl,
            defaultData.clone(),
            threadFactory != null ? threadFactory : ClientThreads.daemon("paddock-framework"),
            errorPolicy,
            canBeReadOnly);
    FrameworkCore core = new FrameworkCore(config);
    return new FrameworkFacade(core, config.namespace(), null);
  }
}
