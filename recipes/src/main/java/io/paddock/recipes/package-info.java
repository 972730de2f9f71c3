/**
 * Paddock's Curator-like framework: {@link io.paddock.recipes.PaddockFramework} with fluent,
 * retried operations (blocking and CompletionStage), namespaces, connection states and error
 * policies, protected creation, guaranteed deletes, watcher cleanup, and the retry policies. The
 * recipes live in the subpackages ({@code locks}, {@code leader}, …); every ownership grant carries
 * a {@link io.paddock.recipes.Grant} (fencing token and server-checked guard).
 */
package io.paddock.recipes;
