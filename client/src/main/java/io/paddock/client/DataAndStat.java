package io.paddock.client;

import io.paddock.store.model.Stat;
import java.util.Arrays;

/**
 * What getData returns. The array is not copied; equality compares its contents.
 *
 * @param data the node's data; null when the node holds null data
 * @param stat the node's stat
 */
public record DataAndStat(byte[] data, Stat stat) {
  /** Value equality, comparing the data by content. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DataAndStat other
        && Arrays.equals(data, other.data)
        && stat.equals(other.stat);
  }

  /** A hash consistent with {@link #equals(Object)}. */
  @Override
  public int hashCode() {
    return 31 * stat.hashCode() + Arrays.hashCode(data);
  }

  /** The fields, with the data shown by length only. */
  @Override
  public String toString() {
    return "DataAndStat[data="
        + (data == null ? "null" : "byte[" + data.length + "]")
        + ", stat="
        + stat
        + "]";
  }
}
