/**
 * Configuration publish/subscribe: {@link io.paddock.recipes.config.ConfigPublisher} writes typed
 * values under a base node (one key, compare-and-set by version, or a whole set of keys atomically
 * in one transaction), {@link io.paddock.recipes.config.ConfigSubscriber} keeps them cached and
 * reports typed changes with the old and new values. Values are encoded by a {@link
 * io.paddock.recipes.config.ValueCodec}.
 */
package io.paddock.recipes.config;
