package io.paddock.store.tree;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Stat;
import java.util.List;

/**
 * A getACL answer.
 *
 * @param acl the node's ACL
 * @param stat the node's stat
 */
public record AclWithStat(List<Acl> acl, Stat stat) {}
