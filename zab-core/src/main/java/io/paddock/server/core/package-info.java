/**
 * The server core: everything between the transport and the database for a standalone server
 * (ZooKeeper's ZooKeeperServer, PrepRequestProcessor, FinalRequestProcessor and SessionTracker).
 *
 * <p>The transport implements {@link io.paddock.server.core.ClientChannel} per connection and calls
 * {@link io.paddock.server.core.ServerCore}; {@link io.paddock.server.core.StandaloneCore}
 * implements it with one state thread that owns the tree, the watches and the sessions, and writes
 * with group commit (see its Javadoc for the threading model).
 */
package io.paddock.server.core;
