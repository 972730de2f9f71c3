package io.paddock.bench.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Medians over rounds: the figure a workload reports is the median of its rounds. */
public final class Medians {
  private Medians() {}

  /** The median of {@code values} (mean of the middle two for an even count); NaN when empty. */
  public static double of(List<Double> values) {
    List<Double> sorted = new ArrayList<>();
    for (Double v : values) {
      if (!v.isNaN()) {
        sorted.add(v);
      }
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The median of one figure of every round. */
  public static <T> double of(List<T> rounds, ToDoubleFunction<T> figure) {
    List<Double> values = new ArrayList<>();
    for (T r : rounds) {
      values.add(figure.applyAsDouble(r));
    }
    return of(values);
  }
}
