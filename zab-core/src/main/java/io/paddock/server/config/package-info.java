/**
 * Server configuration: {@link io.paddock.server.config.ZooCfgParser} reads a zoo.cfg written for
 * Apache ZooKeeper 3.9 into an immutable {@link io.paddock.server.config.ServerConfig}; {@link
 * io.paddock.server.config.ServerConfigBuilder} makes one in code. Departures from ZooKeeper are
 * documented on the class that implements them.
 */
package io.paddock.server.config;
