/**
 * Service discovery (Curator's x-discovery): {@link io.paddock.recipes.discovery.ServiceDiscovery}
 * registers instances as self-healing ephemeral nodes {@code <basePath>/<name>/<id>} and answers
 * queries; {@link io.paddock.recipes.discovery.ServiceCache} keeps the instances of one service
 * cached; {@link io.paddock.recipes.discovery.ServiceProvider} picks one with a {@link
 * io.paddock.recipes.discovery.ProviderStrategy} and skips instances that failed too often.
 */
package io.paddock.recipes.discovery;
