package io.paddock.recipes.atomic;

/**
 * The outcome of one atomic operation. An operation that lost to contention does not throw: it
 * reports {@code succeeded() == false}, and the caller must check.
 *
 * @param <T> the value's type
 */
public interface AtomicValue<T> {
  /** True if the operation took effect. */
  boolean succeeded();

  /** The value before the operation (as last read; 0 for a missing node). */
  T preValue();

  /** The value after the operation when it succeeded; the value read otherwise. */
  T postValue();

  /** How hard the operation had to try. */
  AtomicStats getStats();
}
