/**
 * What every example shares: where its service is (a connect string or an embedded server), quiet
 * logging, worker threads.
 *
 * <p>Every example is a {@code main} run from the repository root with the class path the launcher
 * records once it has built Paddock (any {@code bin/paddock} command, {@code bin/paddock demo} for
 * one, writes it): {@code java -cp "$(cat target/launcher/classpath)" <example class>
 * [connectString]}. Without a connect string an example starts its own embedded server.
 */
package io.paddock.examples.support;
