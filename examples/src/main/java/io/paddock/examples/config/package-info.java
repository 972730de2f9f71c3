/** Config pub/sub examples: a writer that publishes settings and a reader that watches them. */
package io.paddock.examples.config;
