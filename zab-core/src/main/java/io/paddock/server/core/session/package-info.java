/** Session ids, passwords and tick-bucketed expiry (PROTOCOL 3.3, 9.11). */
package io.paddock.server.core.session;
