package io.paddock.bench.compare;

/** How many servers a cluster under test has. */
public enum Topology {
  /** One server. */
  STANDALONE(1, "standalone"),
  /** A three-member ensemble on loopback. */
  ENSEMBLE(3, "3-member ensemble");

  private final int members;
  private final String label;

  Topology(int members, String label) {
    this.members = members;
    this.label = label;
  }

  /** Servers in the cluster. */
  public int members() {
    return members;
  }

  /** The name in the table. */
  public String label() {
    return label;
  }
}
