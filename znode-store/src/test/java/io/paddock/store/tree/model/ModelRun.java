package io.paddock.store.tree.model;

import static io.paddock.store.tree.model.Difference.call;
import static io.paddock.store.tree.model.Difference.check;

import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.OpResult;
import io.paddock.store.tree.model.TxnGenerator.Step;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One seeded history: generate txns, apply each to the reference and to the tree under test,
 * compare every result and event after every txn and the whole state every {@code stateEvery} txns.
 * The first difference becomes a {@link ModelMismatch} carrying the seed, the txn, both values, the
 * last txns before it and the command that replays it.
 */
final class ModelRun {
  /** Set it to run a single seed, comparing the full state after every txn. */
  static final String SEED_PROPERTY = "paddock.model.seed";

  private static final int TRACE_MAX = 20;
  private static final int TRACE_RESULT_CHARS_MAX = 160;

  private final long seed;
  private final int txns;
  private final int stateEvery;
  private final ReferenceTree reference = new ReferenceTree();
  private final TreeUnderTest actual;
  private final TxnGenerator generator;
  private final StateComparison state;

  /** The last txns and the reference's results, rendered only when a mismatch is reported. */
  private final Deque<Object[]> trace = new ArrayDeque<>();

  ModelRun(long seed, int txns, int stateEvery, Supplier<TreeUnderTest> actualFactory) {
    this.seed = seed;
    this.txns = txns;
    this.stateEvery = stateEvery;
    this.generator = new TxnGenerator(seed);
    this.actual = actualFactory.get();
    this.state = new StateComparison(reference, actual);
  }

  /**
   * Runs the history.
   *
   * @throws ModelMismatch at the first difference
   */
  void run() {
    int index = -1;
    Step current = null;
    try {
      state.compare(generator.nowMs());
      for (index = 0; index < txns; index++) {
        Step step = generator.next(reference);
        current = step;
        ApplyResult want = reference.apply(step.header(), step.txn());
        long digestBefore = call("digest()", actual::digest);
        ApplyResult got = call("apply", () -> actual.apply(step.header(), step.txn()));
        compareResults(want, got);
        if (!want.err().isOk()) {
          // A failed write, a rolled-back multi included, leaves every node as it was.
          check("digest() after a failed write", digestBefore, call("digest()", actual::digest));
        }
        check(
            "lastProcessedZxid()",
            reference.lastProcessedZxid(),
            call("lastProcessedZxid()", actual::lastProcessedZxid));
        if ((index + 1) % stateEvery == 0 || index == txns - 1) {
          state.compare(generator.nowMs());
        }
        remember(index, current, want);
      }
    } catch (Difference d) {
      throw mismatch(index, current, d);
    }
  }

  private static void compareResults(ApplyResult want, ApplyResult got) {
    if (want.equals(got)) {
      return;
    }
    if (got == null) {
      throw new Difference("apply(...) result", want, null, null);
    }
    check("ApplyResult.zxid", want.zxid(), got.zxid());
    check("ApplyResult.err", want.err(), got.err());
    if (want.result() instanceof OpResult.MultiResults w
        && got.result() instanceof OpResult.MultiResults g
        && w.results().size() == g.results().size()) {
      for (int i = 0; i < w.results().size(); i++) {
        check("ApplyResult.result, multi op #" + i, w.results().get(i), g.results().get(i));
      }
    }
    check("ApplyResult.result", want.result(), got.result());
    check("ApplyResult.events", want.events(), got.events());
    check("ApplyResult", want, got);
  }

  private void remember(int index, Step step, ApplyResult result) {
    trace.addLast(new Object[] {index, step, result});
    if (trace.size() > TRACE_MAX) {
      trace.removeFirst();
    }
  }

  private static String render(Object[] entry) {
    Step step = (Step) entry[1];
    ApplyResult result = (ApplyResult) entry[2];
    String outcome = Describe.escape(result.err() + " " + result.result());
    if (outcome.length() > TRACE_RESULT_CHARS_MAX) {
      outcome = outcome.substring(0, TRACE_RESULT_CHARS_MAX) + "…";
    }
    return String.format(
        "    #%-5d %s%n           => %s",
        entry[0], Describe.step(step.header(), step.txn()), outcome);
  }

  private ModelMismatch mismatch(int index, Step step, Difference d) {
    String txn =
        step == null ? "(none: the initial tree)" : Describe.step(step.header(), step.txn());
    String where = index < 0 ? "on the initial tree" : "after txn #" + index + " of " + txns;
    String summary = "seed " + seed + " " + where + ": " + Describe.escape(d.what);
    StringBuilder sb = new StringBuilder();
    sb.append("DataTree disagrees with the reference model\n");
    sb.append("  seed:      ").append(seed).append(", ").append(where).append('\n');
    sb.append("  txn:       ").append(txn).append('\n');
    sb.append("  differs:   ").append(Describe.escape(d.what)).append('\n');
    sb.append("  reference: ").append(d.expected).append('\n');
    sb.append("  DataTree:  ").append(d.actual).append('\n');
    sb.append("  replay:    mvn -B -pl znode-store test -Dtest=DataTreeModelTest -D")
        .append(SEED_PROPERTY)
        .append('=')
        .append(seed)
        .append("   (compares the full state after every txn)\n");
    sb.append("  the last ")
        .append(trace.size())
        .append(" txns before it (=> the reference's result):\n");
    for (Object[] entry : trace) {
      sb.append(render(entry)).append('\n');
    }
    return new ModelMismatch(seed, summary, sb.toString(), d.getCause());
  }

  /** The seeds to run: {@code first, first+1, …}, or only the one named by the property. */
  static List<Long> seeds(long first, int count) {
    String only = System.getProperty(SEED_PROPERTY);
    if (only != null && !only.isBlank()) {
      return List.of(Long.parseLong(only.trim()));
    }
    List<Long> seeds = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      seeds.add(first + i);
    }
    return seeds;
  }

  /** How often to compare the full state: every txn when replaying one seed. */
  static int stateEvery(int usual) {
    String only = System.getProperty(SEED_PROPERTY);
    return only != null && !only.isBlank() ? 1 : usual;
  }

  /** Runs the seeds and returns each failing seed's first mismatch. */
  static List<ModelMismatch> runSeeds(
      List<Long> seeds, int txns, int stateEvery, Supplier<TreeUnderTest> actualFactory) {
    List<ModelMismatch> failures = new ArrayList<>();
    for (long seed : seeds) {
      try {
        new ModelRun(seed, txns, stateEvery, actualFactory).run();
      } catch (ModelMismatch m) {
        failures.add(m);
      } catch (RuntimeException e) {
        String summary = "seed " + seed + ": harness error " + e;
        failures.add(new ModelMismatch(seed, summary, summary, e));
      }
    }
    return failures;
  }

  /** A failure message listing every failing seed and the first one in full. */
  static String report(List<ModelMismatch> failures, int seedCount) {
    StringBuilder sb = new StringBuilder();
    sb.append(failures.size()).append(" of ").append(seedCount).append(" seeds disagree:\n");
    failures.stream()
        .limit(30)
        .forEach(f -> sb.append("  ").append(Objects.toString(f.summary)).append('\n'));
    sb.append("\nThe first one in full:\n").append(failures.get(0).getMessage());
    return sb.toString();
  }
}
