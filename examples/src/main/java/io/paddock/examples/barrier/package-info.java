/**
 * Barrier examples: a barrier a coordinator lifts, and a double barrier that starts and finishes
 * its members together.
 */
package io.paddock.examples.barrier;
