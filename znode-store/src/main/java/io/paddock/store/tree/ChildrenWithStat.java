package io.paddock.store.tree;

import io.paddock.store.model.Stat;
import java.util.List;

/**
 * A getChildren answer.
 *
 * @param children the child names (not paths), in no particular order
 * @param stat the parent's stat
 */
public record ChildrenWithStat(List<String> children, Stat stat) {}
