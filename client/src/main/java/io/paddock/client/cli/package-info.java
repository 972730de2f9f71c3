/**
 * {@code bin/paddock cli}: a shell in the manner of Apache ZooKeeper's {@code zkCli.sh}
 * (ZooKeeperMain 3.9), built on Paddock's raw client. It speaks to Paddock and to Apache ZooKeeper
 * alike.
 *
 * <p>Start at {@link io.paddock.client.cli.PaddockCli}. Commands, options, output and error texts
 * follow zkCli's, so an operator's habits and scripts carry over; the few departures are listed in
 * the Javadoc of {@link io.paddock.client.cli.PaddockCli}.
 */
package io.paddock.client.cli;
