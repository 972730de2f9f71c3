/**
 * The framework's and the recipes' shared machinery: the connection manager, the retry loop,
 * namespaces, watcher tracking, guaranteed deletes, the sequential contest loop, participant
 * listing and the recipe lifecycle. Not a public API: it may change without notice.
 */
package io.paddock.recipes.internal;
