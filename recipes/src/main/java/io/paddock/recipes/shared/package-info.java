/**
 * Shared values: {@link io.paddock.recipes.shared.SharedValue} (bytes) and {@link
 * io.paddock.recipes.shared.SharedCount} (an int), each one persistent node every client sees, kept
 * current by a data watch, with versioned compare-and-set ({@code trySetValue}/{@code trySetCount}
 * against a {@link io.paddock.recipes.shared.VersionedValue}) and change listeners.
 */
package io.paddock.recipes.shared;
