/**
 * The guided tour behind bin/paddock demo: every recipe family on a 3-member ensemble, then a
 * failover.
 */
package io.paddock.examples.demo;
