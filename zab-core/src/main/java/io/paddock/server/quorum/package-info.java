/**
 * The network between ensemble members: {@link io.paddock.server.quorum.QuorumTransport}, a Netty
 * implementation of the ZAB peer's {@link io.paddock.server.zab.ZabTransport}, with an election
 * channel (lossy notifications) and a quorum channel (one FIFO connection per pair of members, the
 * higher id dialing the lower, breaks reported to both sides exactly once).
 */
package io.paddock.server.quorum;
