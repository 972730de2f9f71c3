package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonTableTest {

  private static ComparisonTable sample() {
    ComparisonTable t = new ComparisonTable();
    t.add("setData", "ops/s", Cell.number(10_000, "%,.0f"), Cell.number(15_000, "%,.0f"));
    t.add("setData", "p50 ms", Cell.number(2.5, "%.3f"), Cell.number(1.25, "%.3f"));
    t.add("lock", "hand-offs/s", Cell.number(300, "%,.0f"), Cell.text("failed to start: boom"));
    return t;
  }

  @Test
  void ratioIsPaddockOverZooKeeperAndEmptyWithoutTwoNumbers() {
    List<List<String>> rows = sample().rows();
    assertEquals(List.of("setData", "ops/s", "10,000", "15,000", "1.50"), rows.get(0));
    assertEquals(List.of("setData", "p50 ms", "2.500", "1.250", "0.50"), rows.get(1));
    assertEquals(List.of("lock", "hand-offs/s", "300", "failed to start: boom", ""), rows.get(2));
    assertEquals("", Cell.ratio(Cell.number(0, "%.0f"), Cell.number(5, "%.0f")));
    assertEquals("n/a", Cell.number(Double.NaN, "%.1f").text());
  }

  @Test
  void textTableAlignsColumnsAndNamesEachWorkloadOnce() {
    String expected =
        String.join(
            "\n",
            "workload  figure       ZooKeeper                Paddock  ratio P/ZK",
            "-------------------------------------------------------------------",
            "setData   ops/s           10,000                 15,000        1.50",
            "          p50 ms           2.500                  1.250        0.50",
            "lock      hand-offs/s        300  failed to start: boom",
            "");
    assertEquals(expected, sample().toText());
  }

  @Test
  void markdownHasTheHeaderAlignmentRowAndEscapesPipes() {
    ComparisonTable t = sample();
    t.add("a|b", "x", Cell.text("1|2"), Cell.NONE);
    String md = t.toMarkdown();
    assertTrue(
        md.startsWith(
            "| workload | figure | ZooKeeper | Paddock | ratio P/ZK |\n"
                + "| --- | --- | ---: | ---: | ---: |\n"),
        md);
    assertTrue(md.contains("| setData | ops/s | 10,000 | 15,000 | 1.50 |\n"), md);
    assertTrue(md.contains("|  | p50 ms | 2.500 | 1.250 | 0.50 |\n"), md);
    assertTrue(md.contains("| a\\|b | x | 1\\|2 | — |  |\n"), md);
  }

  @Test
  void longCellsAreCutInTheTextTableOnly() {
    ComparisonTable t = new ComparisonTable();
    String cause = "failed to start: " + "x".repeat(200);
    t.add("w", "ops/s", Cell.number(1, "%.0f"), Cell.text(cause));
    assertTrue(t.toMarkdown().contains(cause));
    String text = t.toText();
    assertTrue(text.contains("…"));
    assertTrue(text.lines().allMatch(l -> l.length() < 200), text);
  }
}
