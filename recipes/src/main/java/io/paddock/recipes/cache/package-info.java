/**
 * Local caches of server state, kept in step by one persistent watch each: {@link
 * io.paddock.recipes.cache.NodeCache} (one node), {@link
 * io.paddock.recipes.cache.PathChildrenCache} (the children of a node, with their data) and {@link
 * io.paddock.recipes.cache.TreeCache} (a subtree, bounded in depth). After every reconnect and
 * session loss a cache re-reads what it holds and reports the boundary (RESYNCED), so changes made
 * meanwhile — deletes included — are never silently missed. A cache is eventually consistent:
 * intermediate states during a partition are not seen, and writers must still use versions.
 */
package io.paddock.recipes.cache;
