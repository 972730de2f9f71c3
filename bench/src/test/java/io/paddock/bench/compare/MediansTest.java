package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {
  @Test
  void medianOfOddAndEvenCountsIgnoringNaN() {
    assertEquals(3.0, Medians.of(List.of(5.0, 1.0, 3.0)));
    assertEquals(2.5, Medians.of(List.of(4.0, 1.0, 2.0, 3.0)));
    assertEquals(2.0, Medians.of(List.of(Double.NaN, 2.0)));
    assertEquals(Double.NaN, Medians.of(List.of()));
    assertEquals(20.0, Medians.of(List.of("a", "bb", "ccc"), s -> s.length() * 10.0));
  }
}
