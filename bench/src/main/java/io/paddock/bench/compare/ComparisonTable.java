package io.paddock.bench.compare;

import java.util.ArrayList;
import java.util.List;

/**
 * The one table of the run: workload | figure | ZooKeeper | Paddock | Paddock / ZooKeeper, printed
 * as aligned text for the terminal and as Markdown for docs/BENCHMARKS.md.
 */
public final class ComparisonTable {
  /** Header of the five columns. */
  static final List<String> HEADER =
      List.of("workload", "figure", "ZooKeeper", "Paddock", "ratio P/ZK");

  /**
   * Cells longer than this are cut in the text table (the Markdown keeps them whole; the notes
   * under the table give a start failure's whole line).
   */
  static final int TEXT_CELL_CHARS_MAX = 48;

  private final List<List<String>> rows = new ArrayList<>();

  /** A row; the workload name is printed only on its first row. */
  public void add(String workload, String figure, Cell zookeeper, Cell paddock) {
    rows.add(
        List.of(
            workload, figure, zookeeper.text(), paddock.text(), Cell.ratio(zookeeper, paddock)));
  }

  /** The rows as added (workload, figure, ZooKeeper, Paddock, ratio). */
  public List<List<String>> rows() {
    return List.copyOf(rows);
  }

  /** Aligned text: text columns left, figures right, a rule under the header. */
  public String toText() {
    List<List<String>> shown = new ArrayList<>();
    shown.add(HEADER);
    String previous = null;
    for (List<String> r : rows) {
      List<String> cut = new ArrayList<>();
      for (String c : r) {
        cut.add(
            c.length() > TEXT_CELL_CHARS_MAX ? c.substring(0, TEXT_CELL_CHARS_MAX - 1) + "…" : c);
      }
      if (r.get(0).equals(previous)) {
        cut.set(0, "");
      }
      previous = r.get(0);
      shown.add(cut);
    }
    int[] widths = new int[HEADER.size()];
    for (List<String> r : shown) {
      for (int i = 0; i < r.size(); i++) {
        widths[i] = Math.max(widths[i], r.get(i).length());
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int n = 0; n < shown.size(); n++) {
      List<String> r = shown.get(n);
      for (int i = 0; i < r.size(); i++) {
        if (i > 0) {
          sb.append("  ");
        }
        sb.append(i < 2 ? padRight(r.get(i), widths[i]) : padLeft(r.get(i), widths[i]));
      }
      stripTrailing(sb);
      sb.append('\n');
      if (n == 0) {
        int total = (widths.length - 1) * 2;
        for (int w : widths) {
          total += w;
        }
        sb.append("-".repeat(total)).append('\n');
      }
    }
    return sb.toString();
  }

  /** A Markdown table; '|' inside cells is escaped. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append(markdownRow(HEADER));
    sb.append("| --- | --- | ---: | ---: | ---: |\n");
    String previous = null;
    for (List<String> r : rows) {
      List<String> shown = new ArrayList<>(r);
      if (r.get(0).equals(previous)) {
        shown.set(0, "");
      }
      previous = r.get(0);
      sb.append(markdownRow(shown));
    }
    return sb.toString();
  }

  private static String markdownRow(List<String> cells) {
    StringBuilder sb = new StringBuilder("|");
    for (String c : cells) {
      sb.append(' ').append(c.replace("|", "\\|")).append(" |");
    }
    return sb.append('\n').toString();
  }

  private static String padRight(String s, int width) {
    return s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return " ".repeat(width - s.length()) + s;
  }

  private static void stripTrailing(StringBuilder sb) {
    int end = sb.length();
    while (end > 0 && sb.charAt(end - 1) == ' ') {
      end--;
    }
    sb.setLength(end);
  }
}
