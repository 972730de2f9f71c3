package io.paddock.bench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The command line of {@code bin/paddock bench}.
 *
 * @param quick short durations, fewer rounds, the store figures at a smaller N
 * @param workloads ids to run (empty: all)
 * @param rounds rounds per workload (0: the default)
 * @param durationSeconds measured seconds per run (0: the default)
 * @param warmupSeconds warm-up seconds per run (0: the default)
 * @param out where to write the Markdown report, if anywhere
 * @param dir the base directory for data (empty: a new temporary directory)
 * @param keepData keep the data directories after the run
 * @param serverJvmFlags JVM flags of every server (empty: {@link ServerSettings#DEFAULT_JVM_FLAGS})
 */
public record BenchOptions(
    boolean quick,
    List<String> workloads,
    int rounds,
    int durationSeconds,
    int warmupSeconds,
    Optional<Path> out,
    Optional<Path> dir,
    boolean keepData,
    List<String> serverJvmFlags) {

  /** The usage text. */
  public static final String USAGE =
      String.join(
          "\n",
          "Usage: bin/paddock bench [--quick] [--workloads a,b] [--rounds N] [--duration-s N]",
          "                         [--warmup-s N] [--out FILE] [--dir DIR] [--keep-data]",
          "                         [--server-jvm \"FLAGS\"]",
          "Workloads: " + String.join(", ", BenchPlan.IDS));

  /** Parses the arguments; throws IllegalArgumentException with the reason on a bad one. */
  public static BenchOptions parse(String... args) {
    boolean quick = false;
    List<String> workloads = new ArrayList<>();
    int rounds = 0;
    int duration = 0;
    int warmup = 0;
    Path out = null;
    Path dir = null;
    boolean keep = false;
    List<String> jvm = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--quick" -> quick = true;
        case "--keep-data" -> keep = true;
        case "--workloads" -> {
          for (String id : value(args, ++i, a).split(",")) {
            if (!id.isBlank()) {
              workloads.add(id.trim());
            }
          }
        }
        case "--rounds" -> rounds = positive(value(args, ++i, a), a);
        case "--duration-s" -> duration = positive(value(args, ++i, a), a);
        case "--warmup-s" -> warmup = positive(value(args, ++i, a), a);
        case "--out" -> out = Path.of(value(args, ++i, a));
        case "--dir" -> dir = Path.of(value(args, ++i, a));
        case "--server-jvm" -> jvm.addAll(Arrays.asList(value(args, ++i, a).trim().split("\\s+")));
        default -> throw new IllegalArgumentException("unknown option '" + a + "'");
      }
    }
    return new BenchOptions(
        quick,
        List.copyOf(workloads),
        rounds,
        duration,
        warmup,
        Optional.ofNullable(out),
        Optional.ofNullable(dir),
        keep,
        List.copyOf(jvm));
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }

  private static int positive(String s, String option) {
    int v;
    try {
      v = Integer.parseInt(s);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a whole number, not '" + s + "'");
    }
    if (v <= 0) {
      throw new IllegalArgumentException(option + " must be positive");
    }
    return v;
  }
}
