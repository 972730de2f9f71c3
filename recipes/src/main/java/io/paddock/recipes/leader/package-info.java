/**
 * Leader election: {@link io.paddock.recipes.leader.LeaderLatch} (a latch you await or poll),
 * {@link io.paddock.recipes.leader.LeaderSelector} (a callback that leads while it runs, with
 * autoRequeue), and {@link io.paddock.recipes.leader.LeaderObserver} (who leads now, with change
 * events, without taking part). Every leadership carries a {@link io.paddock.recipes.Grant}: a
 * fencing token (the election node's czxid, growing with every new leadership on the path) and a
 * guard op.
 */
package io.paddock.recipes.leader;
