/**
 * Atomic counters: {@link io.paddock.recipes.atomic.DistributedAtomicLong}, an 8-byte value in one
 * persistent node, changed by optimistic compare-and-set (versioned writes retried under a retry
 * policy) and, when contention persists, the same loop under a mutex ({@link
 * io.paddock.recipes.atomic.PromotedToLock}). Nothing throws on contention: check {@link
 * io.paddock.recipes.atomic.AtomicValue#succeeded()}.
 */
package io.paddock.recipes.atomic;
