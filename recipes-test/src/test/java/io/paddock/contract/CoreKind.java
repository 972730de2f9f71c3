package io.paddock.contract;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The cores the contract suites run on. {@code -Dcontract.cores=standalone,zookeeper} narrows a run
 * to some of them (default: all three).
 */
public enum CoreKind {
  /** An embedded standalone Paddock server. */
  STANDALONE,
  /** An embedded Paddock ensemble of three voting members; clients know all of them. */
  ENSEMBLE,
  /** Apache ZooKeeper 3.9 standalone, in this JVM: the reference. */
  ZOOKEEPER;

  /** The system property that narrows the cores of a run. */
  public static final String SELECTION_PROPERTY = "contract.cores";

  /** The cores of this run, for {@code @MethodSource}. */
  public static Stream<CoreKind> selected() {
    String wanted = System.getProperty(SELECTION_PROPERTY, "");
    if (wanted.isBlank()) {
      return Arrays.stream(values());
    }
    Set<String> names =
        Arrays.stream(wanted.split(","))
            .map(s -> s.trim().toUpperCase(Locale.ROOT))
            .collect(Collectors.toSet());
    for (String name : names) {
      valueOf(name); // an unknown name fails the run loudly instead of running nothing
    }
    return Arrays.stream(values()).filter(k -> names.contains(k.name()));
  }

  /** Starts a core of this kind. */
  ContractCore start() {
    return switch (this) {
      case STANDALONE -> new StandaloneCore();
      case ENSEMBLE -> new EnsembleCore();
      case ZOOKEEPER -> new ZooKeeperCore();
    };
  }
}
