/** Queue example: a producer and consumers sharing a distributed queue. */
package io.paddock.examples.queue;
