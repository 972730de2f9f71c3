package io.paddock.recipes.discovery;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Picks the instances in turn (by id order); a changing list shifts the turn, as in Curator. */
public final class RoundRobinStrategy implements ProviderStrategy {
  private final AtomicLong turn = new AtomicLong();

  @Override
  public Optional<ServiceInstance> choose(List<ServiceInstance> instances) {
    if (instances.isEmpty()) {
      return Optional.empty();
    }
    long next = turn.getAndIncrement();
    return Optional.of(instances.get((int) Math.floorMod(next, (long) instances.size())));
  }
}
