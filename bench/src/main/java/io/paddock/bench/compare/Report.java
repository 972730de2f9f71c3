package io.paddock.bench.compare;

import java.util.List;

/**
 * The outcome of one run: the table, the disk's fsync latency, notes under the table, the raw line
 * of every round, and where and how it ran.
 *
 * @param table the comparison table
 * @param disk the disk probes (4 KiB write + fsync) in the servers' data directory, one line each
 * @param notes lines printed under the table
 * @param raw one line per measured run, in run order
 * @param machine cores, RAM, kernel, JDK
 * @param date when the run started (ISO-8601, UTC)
 * @param command the command line that ran
 */
public record Report(
    ComparisonTable table,
    List<String> disk,
    List<String> notes,
    List<String> raw,
    String machine,
    String date,
    String command) {

  /** The table and its context for the terminal. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    sb.append(table.toText()).append('\n');
    disk.forEach(d -> sb.append("disk ").append(d).append('\n'));
    notes.forEach(n -> sb.append(n).append('\n'));
    sb.append("machine: ").append(machine).append('\n');
    sb.append("date: ").append(date).append("; command: ").append(command).append('\n');
    return sb.toString();
  }

  /** The same as Markdown, with the raw lines in a code block, for docs/BENCHMARKS.md. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("Command: `").append(command).append("`, run ").append(date).append(".\n\n");
    sb.append("Machine: ").append(machine).append(".\n\n");
    sb.append("Disk (the servers' data directory):\n\n");
    disk.forEach(d -> sb.append("- ").append(d).append('\n'));
    sb.append('\n');
    sb.append(table.toMarkdown()).append('\n');
    notes.forEach(n -> sb.append("- ").append(n).append('\n'));
    sb.append("\nRaw rounds:\n\n```\n");
    raw.forEach(r -> sb.append(r).append('\n'));
    sb.append("```\n");
    return sb.toString();
  }
}
