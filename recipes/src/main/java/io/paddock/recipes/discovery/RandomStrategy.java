package io.paddock.recipes.discovery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Picks a uniformly random instance. */
public final class RandomStrategy implements ProviderStrategy {
  @Override
  public Optional<ServiceInstance> choose(List<ServiceInstance> instances) {
    if (instances.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(instances.get(ThreadLocalRandom.current().nextInt(instances.size())));
  }
}
