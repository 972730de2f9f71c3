package io.paddock.recipes.internal;

import io.paddock.store.model.Stat;

/**
 * One contestant's node as listed by {@link Participants}.
 *
 * @param name the node's name
 * @param path the node's path (a path of the recipe's facade)
 * @param data the node's data (a participant id for leader recipes)
 * @param stat the node's stat
 */
public record ParticipantNode(String name, String path, byte[] data, Stat stat) {}
