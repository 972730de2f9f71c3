/**
 * The prep stage: write requests become intent-carrying txns after the checks that need no tree
 * state beyond the nodes' existence and ACLs; the DataTree decides the rest when it applies them.
 */
package io.paddock.server.core.prep;
