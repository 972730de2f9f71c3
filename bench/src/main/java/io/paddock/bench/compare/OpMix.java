package io.paddock.bench.compare;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Weights of the ops a workload issues, and the choice of the next op from a uniform random int.
 *
 * <p>Weights are whole numbers that sum to {@value #WEIGHT_TOTAL}, so a weight reads as a
 * percentage. The choice is a lookup in a cumulative table: no allocation per op.
 */
public final class OpMix {
  /** The sum every mix's weights must reach. */
  public static final int WEIGHT_TOTAL = 100;

  private final EnumMap<OpKind, Integer> weights;
  private final OpKind[] byPercent = new OpKind[WEIGHT_TOTAL];

  private OpMix(EnumMap<OpKind, Integer> weights) {
    this.weights = weights;
    int total = weights.values().stream().mapToInt(Integer::intValue).sum();
    if (total != WEIGHT_TOTAL) {
      throw new IllegalArgumentException(
          "op weights sum to " + total + ", not " + WEIGHT_TOTAL + ": " + weights);
    }
    int filled = 0;
    for (Map.Entry<OpKind, Integer> e : weights.entrySet()) {
      for (int i = 0; i < e.getValue(); i++) {
        byPercent[filled++] = e.getKey();
      }
    }
  }

  /** A mix of one op only. */
  public static OpMix only(OpKind kind) {
    EnumMap<OpKind, Integer> w = new EnumMap<>(OpKind.class);
    w.put(kind, WEIGHT_TOTAL);
    return new OpMix(w);
  }

  /**
   * Parses {@code "getData=90,setData=10"}: op names as {@link OpKind#wireName()}, weights summing
   * to {@value #WEIGHT_TOTAL}; an op named twice is refused.
   */
  public static OpMix parse(String spec) {
    EnumMap<OpKind, Integer> w = new EnumMap<>(OpKind.class);
    for (String part : spec.split(",")) {
      String[] kv = part.trim().split("=");
      if (kv.length != 2) {
        throw new IllegalArgumentException("expected op=weight, got '" + part + "'");
      }
      OpKind kind = OpKind.byName(kv[0].trim());
      int weight = Integer.parseInt(kv[1].trim());
      if (weight <= 0) {
        throw new IllegalArgumentException("weight of " + kind.wireName() + " must be positive");
      }
      if (w.put(kind, weight) != null) {
        throw new IllegalArgumentException(kind.wireName() + " is named twice in '" + spec + "'");
      }
    }
    return new OpMix(w);
  }

  /** The op for a uniform random value {@code percent} in [0, {@value #WEIGHT_TOTAL}). */
  public OpKind pick(int percent) {
    return byPercent[percent];
  }

  /** The weight of {@code kind} (0 when absent). */
  public int weight(OpKind kind) {
    return weights.getOrDefault(kind, 0);
  }

  /** The share of ops that write, 0..1. */
  public double writeShare() {
    int writes = 0;
    for (Map.Entry<OpKind, Integer> e : weights.entrySet()) {
      if (e.getKey().isWrite()) {
        writes += e.getValue();
      }
    }
    return writes / (double) WEIGHT_TOTAL;
  }

  /** True when the mix creates or deletes nodes the slots own. */
  public boolean createsNodes() {
    return weight(OpKind.CREATE) > 0 || weight(OpKind.DELETE) > 0;
  }

  /** True when the mix reads or writes keys of the pre-populated key space. */
  public boolean usesKeySpace() {
    return weight(OpKind.GET_DATA)
            + weight(OpKind.SET_DATA)
            + weight(OpKind.EXISTS)
            + weight(OpKind.MULTI)
        > 0;
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(",");
    weights.forEach((k, v) -> j.add(String.format(Locale.ROOT, "%s=%d", k.wireName(), v)));
    return j.toString();
  }
}
