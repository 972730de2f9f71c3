package io.paddock.client;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Stat;
import java.util.List;

/**
 * What getAcl returns.
 *
 * @param acl the node's ACL (digest ids come back masked when the session lacks ADMIN)
 * @param stat the node's stat; its {@code aversion} is the version setAcl checks
 */
public record AclAndStat(List<Acl> acl, Stat stat) {}
