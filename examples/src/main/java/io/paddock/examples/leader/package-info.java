/**
 * Leader election examples: LeaderLatch, LeaderSelector, and the simple first-to-create-/master
 * election.
 */
package io.paddock.examples.leader;
