package io.paddock.recipes.discovery;

import java.io.Closeable;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Hands out instances of one service (Curator's ServiceProvider): a {@link ServiceCache} of the
 * service, minus the instances the {@link DownInstancePolicy} considers down, picked by a {@link
 * ProviderStrategy}. Callers report failed calls with {@link #noteError}. When every instance is
 * down, the down ones are offered rather than nothing. Thread-safe.
 */
public final class ServiceProvider implements Closeable {
  private final ServiceCache cache;
  private final ProviderStrategy strategy;
  private final DownInstancePolicy policy;
  private final LongSupplier clockMs;
  private final Map<String, ErrorRecord> errors = new ConcurrentHashMap<>();

  /** Errors of one instance: how many in the current window, and when the last came. */
  private record ErrorRecord(int count, long lastMs) {}

  private ServiceProvider(Builder b) {
    this.cache = b.cache;
    this.strategy = b.strategy;
    this.policy = b.policy;
    this.clockMs = b.clockMs;
  }

  /** Starts the provider's cache. */
  public void start() {
    cache.start();
  }

  /** Waits for the cache's first read. */
  public boolean awaitInitialized(Duration timeout) throws InterruptedException {
    return cache.awaitInitialized(timeout);
  }

  /** An instance to use, or empty when the service has none. */
  public Optional<ServiceInstance> getInstance() {
    List<ServiceInstance> all = getAllInstances();
    List<ServiceInstance> up = all.stream().filter(i -> !isDown(i)).toList();
    return strategy.choose(up.isEmpty() ? all : up);
  }

  /** Every cached instance, by id, down ones included. */
  public List<ServiceInstance> getAllInstances() {
    return cache.instances().stream().sorted(Comparator.comparing(ServiceInstance::id)).toList();
  }

  /** Reports a failed call to an instance; enough of them mark it down for a while. */
  public void noteError(ServiceInstance instance) {
    long now = clockMs.getAsLong();
    errors.compute(
        instance.id(),
        (id, r) ->
            r == null || now - r.lastMs() > policy.downTimeMs()
                ? new ErrorRecord(1, now)
                : new ErrorRecord(r.count() + 1, now));
  }

  /** True if the instance is down now. */
  public boolean isDown(ServiceInstance instance) {
    ErrorRecord r = errors.get(instance.id());
    if (r == null) {
      return false;
    }
    if (clockMs.getAsLong() - r.lastMs() > policy.downTimeMs()) {
      errors.remove(instance.id(), r);
      return false;
    }
    return r.count() >= policy.errorThreshold();
  }

  /** Stops the cache. */
  @Override
  public void close() {
    cache.close();
  }

  /** Configures a {@link ServiceProvider}. Not thread-safe. */
  public static final class Builder {
    private final ServiceCache cache;
    private ProviderStrategy strategy = new RoundRobinStrategy();
    private DownInstancePolicy policy = DownInstancePolicy.DEFAULT;
    private LongSupplier clockMs = System::currentTimeMillis;

    Builder(ServiceCache cache) {
      this.cache = cache;
    }

    /** The strategy (default round robin). */
    public Builder strategy(ProviderStrategy strategy) {
      this.strategy = Objects.requireNonNull(strategy, "strategy");
      return this;
    }

    /** The down-instance policy (default {@link DownInstancePolicy#DEFAULT}). */
    public Builder downInstancePolicy(DownInstancePolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** The clock of the down-instance policy, in milliseconds (for tests). */
    public Builder clockMs(LongSupplier clockMs) {
      this.clockMs = Objects.requireNonNull(clockMs, "clockMs");
      return this;
    }

    /** The provider, not yet started. */
    public ServiceProvider build() {
      return new ServiceProvider(this);
    }
  }
}
