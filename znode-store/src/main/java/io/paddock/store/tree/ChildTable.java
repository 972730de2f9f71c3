package io.paddock.store.tree;

/**
 * A node's children: an open-addressing hash table of child refs with linear probing, keyed by the
 * child's name bytes (the key is read from the child itself, so a slot costs one reference).
 *
 * <p>Add and remove are O(1) on average; removal shifts later entries back (no tombstones). The
 * table doubles above a load of {@value #LOAD_NUMERATOR}/{@value #LOAD_DENOMINATOR} and halves
 * below 1/{@value #SHRINK_DIVISOR}, never under {@value #CAPACITY_MIN} slots. Iteration is by slot
 * ({@link #capacity()}, {@link #slot(int)}), so child order is arbitrary, as in ZooKeeper.
 */
final class ChildTable {
  /** The smallest capacity (a power of two). */
  static final int CAPACITY_MIN = 4;

  /** The largest capacity (a power of two). */
  static final int CAPACITY_MAX = 1 << 30;

  private static final int LOAD_NUMERATOR = 3;
  private static final int LOAD_DENOMINATOR = 4;
  private static final int SHRINK_DIVISOR = 8;

  private Znode[] slots = new Znode[CAPACITY_MIN];
  private int size;

  /** The number of children. */
  int size() {
    return size;
  }

  /** The number of slots. */
  int capacity() {
    return slots.length;
  }

  /** The child in slot {@code i}, or null. */
  Znode slot(int i) {
    return slots[i];
  }

  /** The child named {@code path[from, to)}, or null. */
  Znode find(String path, int from, int to) {
    int mask = slots.length - 1;
    for (int i = Names.hash(path, from, to) & mask; ; i = (i + 1) & mask) {
      Znode c = slots[i];
      if (c == null || NodeBytes.nameEquals(c.bytes, path, from, to)) {
        return c;
      }
    }
  }

  /** The child named {@code name[offset, offset + length)}, or null. */
  Znode find(byte[] name, int offset, int length) {
    int mask = slots.length - 1;
    for (int i = Names.hash(name, offset, length) & mask; ; i = (i + 1) & mask) {
      Znode c = slots[i];
      if (c == null || NodeBytes.nameEquals(c.bytes, name, offset, length)) {
        return c;
      }
    }
  }

  /** Adds a child; the caller has checked no child of that name exists. */
  void add(Znode child) {
    if ((long) (size + 1) * LOAD_DENOMINATOR > (long) slots.length * LOAD_NUMERATOR) {
      if (slots.length >= CAPACITY_MAX) {
        throw new IllegalStateException("child table full at " + size + " children");
      }
      resize(slots.length * 2);
    }
    insert(slots, child);
    size++;
  }

  /**
   * Adds a child unless one of the same name is there: one probe run for the check and the insert
   * (snapshot loading, where duplicate names must be refused).
   *
   * @return false, changing nothing, when a child of that name exists
   */
  boolean addIfAbsent(Znode child) {
    if ((long) (size + 1) * LOAD_DENOMINATOR > (long) slots.length * LOAD_NUMERATOR) {
      if (slots.length >= CAPACITY_MAX) {
        throw new IllegalStateException("child table full at " + size + " children");
      }
      resize(slots.length * 2);
    }
    byte[] b = child.bytes;
    int offset = NodeBytes.nameOffset(b);
    int length = NodeBytes.nameLength(b);
    int mask = slots.length - 1;
    int i = Names.hash(b, offset, length) & mask;
    for (Znode c = slots[i]; c != null; c = slots[i]) {
      if (NodeBytes.nameEquals(c.bytes, b, offset, length)) {
        return false;
      }
      i = (i + 1) & mask;
    }
    slots[i] = child;
    size++;
    return true;
  }

  private static void insert(Znode[] table, Znode child) {
    int mask = table.length - 1;
    int i = NodeBytes.nameHash(child.bytes) & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = child;
  }

  /**
   * Removes this exact child.
   *
   * @throws IllegalStateException when it is not in the table
   */
  void remove(Znode child) {
    int mask = slots.length - 1;
    int i = NodeBytes.nameHash(child.bytes) & mask;
    while (slots[i] != child) {
      if (slots[i] == null) {
        throw new IllegalStateException("child not in its parent's table: " + child);
      }
      i = (i + 1) & mask;
    }
    shiftBack(i, mask);
    size--;
    if (slots.length > CAPACITY_MIN && size < slots.length / SHRINK_DIVISOR) {
      resize(slots.length / 2);
    }
  }

  /** Empties slot {@code hole} and moves back the later entries of its probe run (Knuth 6.4 R). */
  private void shiftBack(int hole, int mask) {
    int free = hole;
    slots[free] = null;
    for (int j = (free + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
      int home = NodeBytes.nameHash(slots[j].bytes) & mask;
      boolean homeBetween = free <= j ? (free < home && home <= j) : (free < home || home <= j);
      if (!homeBetween) {
        slots[free] = slots[j];
        slots[j] = null;
        free = j;
      }
    }
  }

  private void resize(int capacity) {
    Znode[] old = slots;
    Znode[] table = new Znode[capacity];
    for (Znode c : old) {
      if (c != null) {
        insert(table, c);
      }
    }
    slots = table;
  }

  /**
   * Checks the table's own invariants: the size matches the occupied slots, and every child is
   * reachable from its home slot without crossing an empty slot.
   */
  void checkInvariants(Object where) {
    int occupied = 0;
    int mask = slots.length - 1;
    for (int i = 0; i < slots.length; i++) {
      Znode c = slots[i];
      if (c == null) {
        continue;
      }
      occupied++;
      for (int j = NodeBytes.nameHash(c.bytes) & mask; j != i; j = (j + 1) & mask) {
        if (slots[j] == null) {
          throw new IllegalStateException(
              "child table of " + where + ": " + c + " is unreachable from its home slot");
        }
      }
    }
    if (occupied != size) {
      throw new IllegalStateException(
          "child table of " + where + ": size " + size + " but " + occupied + " occupied slots");
    }
  }
}
