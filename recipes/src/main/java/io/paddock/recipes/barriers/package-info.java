/**
 * Barriers: {@link io.paddock.recipes.barriers.DistributedBarrier} (processes wait while a node
 * exists) and {@link io.paddock.recipes.barriers.DistributedDoubleBarrier} (N members enter
 * together and leave together, ZooKeeper's double-barrier protocol). Waits set one-shot watches and
 * remove them before returning; a lost connection ends a wait with an exception, never a hang.
 */
package io.paddock.recipes.barriers;
