package io.paddock.client;

import io.paddock.store.model.Stat;
import java.util.List;

/**
 * What getChildren with a stat returns.
 *
 * @param children the child names (not paths), in no particular order
 * @param stat the parent's stat
 */
public record ChildrenAndStat(List<String> children, Stat stat) {}
