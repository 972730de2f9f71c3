/** The text of the four-letter words, in ZooKeeper 3.9's exact shapes (PROTOCOL 11). */
package io.paddock.server.core.fourletter;
