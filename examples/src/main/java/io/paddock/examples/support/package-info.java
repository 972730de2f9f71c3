/**
 * What every example shares: where its service is (a connect string or an embedded server), quiet
 * logging, worker threads.
 */
package io.paddock.examples.support;
