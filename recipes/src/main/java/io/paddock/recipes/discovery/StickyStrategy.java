package io.paddock.recipes.discovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps returning the same instance while it is usable; when it goes away (or is down), another is
 * picked by the delegate strategy and stuck to.
 */
public final class StickyStrategy implements ProviderStrategy {
  private final ProviderStrategy delegate;
  private final AtomicReference<String> stuckId = new AtomicReference<>();

  /** A sticky strategy that picks a new instance with {@code delegate}. */
  public StickyStrategy(ProviderStrategy delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  @Override
  public Optional<ServiceInstance> choose(List<ServiceInstance> instances) {
    String id = stuckId.get();
    if (id != null) {
      for (ServiceInstance i : instances) {
        if (i.id().equals(id)) {
          return Optional.of(i);
        }
      }
    }
    Optional<ServiceInstance> pick = delegate.choose(instances);
    stuckId.set(pick.map(ServiceInstance::id).orElse(null));
    return pick;
  }
}
