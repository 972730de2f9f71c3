/**
 * Authentication and ACLs as ZooKeeper 3.9 does them (PROTOCOL 9.10): the {@code digest} and {@code
 * ip} schemes, the super user, the permission check and the ACL fixup of create and setACL.
 */
package io.paddock.server.core.auth;
