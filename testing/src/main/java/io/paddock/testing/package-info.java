/**
 * The Paddock testing kit, for tests of applications that use Paddock (the counterpart of Curator's
 * curator-test).
 *
 * <ul>
 *   <li>{@link io.paddock.testing.TestingServer}: an embedded standalone server on a free port,
 *       with stop, start and restart.
 *   <li>{@link io.paddock.testing.TestingCluster}: an embedded ensemble whose members can be
 *       killed, restarted and isolated.
 *   <li>{@link io.paddock.testing.KillSession}: expires a client's session from outside.
 *   <li>{@link io.paddock.testing.FourLetterWord}: four-letter words and watch listings, for leak
 *       audits.
 *   <li>{@link io.paddock.testing.PaddockServerExtension}: a JUnit 5 extension that gives a test a
 *       running server or cluster.
 * </ul>
 *
 * <p>Servers bind 127.0.0.1 only and keep their data in temporary directories deleted on close.
 */
package io.paddock.testing;
