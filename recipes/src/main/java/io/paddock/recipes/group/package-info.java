/**
 * Group membership: {@link io.paddock.recipes.group.GroupMember} joins a group with a self-healing
 * ephemeral node and keeps a cache of every member with its data.
 */
package io.paddock.recipes.group;
