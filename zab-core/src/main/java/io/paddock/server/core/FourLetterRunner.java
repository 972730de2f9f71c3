package io.paddock.server.core;

import io.paddock.server.config.ConfigLimits;
import io.paddock.server.core.fourletter.ConnectionInfo;
import io.paddock.server.core.fourletter.Environment;
import io.paddock.server.core.fourletter.FourLetterText;
import io.paddock.server.core.fourletter.ServerSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Computes four-letter words on the state thread, so that what they read never races with a batch.
 * The words that change state ({@code crst}, {@code srst}) change it here too.
 */
final class FourLetterRunner {
  /** ZooKeeper's default trace mask, the answer of {@code gtmk} (Paddock has no trace levels). */
  static final String DEFAULT_TRACE_MASK = "306";

  private static final String MODE_STANDALONE = "standalone";

  private final CoreState state;
  private final String hostName;
  private final Metrics metrics;
  private volatile int boundClientPort;

  FourLetterRunner(CoreState state, String hostName) {
    this.state = state;
    this.hostName = hostName;
    this.metrics = new Metrics(state);
    this.boundClientPort = state.config.clientPort();
  }

  void setBoundClientPort(int port) {
    boundClientPort = port;
  }

  /**
   * The text of a word.
   *
   * @throws IllegalArgumentException for a word Paddock does not answer (stmk, telnet close)
   */
  String run(String command) {
    return switch (command) {
      case "ruok" -> FourLetterText.IMOK;
      case "isro" -> FourLetterText.READ_WRITE;
      case "srvr" -> FourLetterText.srvr(summary());
      case "stat" -> FourLetterText.stat(summary(), connectionInfos());
      case "conf" -> state.config.describe(boundClientPort, dataDirBytes(), dataLogDirBytes(), 0);
      case "cons" -> FourLetterText.cons(connectionInfos());
      case "crst" -> {
        state.connections().forEach(c -> c.stats.reset());
        yield FourLetterText.CONNECTION_STATS_RESET;
      }
      case "srst" -> {
        state.stats.reset();
        yield FourLetterText.SERVER_STATS_RESET;
      }
      case "dump" -> dump();
      case "envi" -> FourLetterText.envi(Environment.list(ServerVersion.full(), hostName));
      case "mntr" -> FourLetterText.mntr(metrics.list(state.mode));
      case "wchs" ->
          FourLetterText.wchs(
              state.watches.watcherCount(),
              state.watches.watchedPathCount(),
              state.watches.dataWatchCount());
      case "wchc" -> FourLetterText.wchc(pathsBySession());
      case "wchp" -> FourLetterText.wchp(sessionsByPath());
      case "dirs" -> FourLetterText.dirs(dataDirBytes(), dataLogDirBytes());
      case "gtmk" -> DEFAULT_TRACE_MASK;
      case "hash" -> ""; // ZooKeeper 3.9.3 prints nothing for it either
      default -> throw new IllegalArgumentException("four-letter word not supported: " + command);
    };
  }

  ServerSummary summary() {
    return new ServerSummary(
        ServerVersion.full(),
        state.stats.minLatencyMs(),
        state.stats.avgLatencyMs(),
        state.stats.maxLatencyMs(),
        state.stats.packetsReceived(),
        state.stats.packetsSent(),
        state.connections().size(),
        state.stats.outstanding.get(),
        state.lastProcessedZxid(),
        state.mode,
        state.tree.nodeCount() + 1);
  }

  List<ConnectionInfo> connectionInfos() {
    List<ConnectionInfo> out = new ArrayList<>();
    for (Connection c : state.connections()) {
      out.add(c.stats.describe(c.remote, c.sessionId(), c.timeoutMs()));
    }
    return out;
  }

  private String dump() {
    long wallNow = state.clock.wallMs();
    long monoNow = state.clock.monotonicMs();
    SortedMap<Long, List<Long>> buckets = new TreeMap<>();
    int sessions = 0;
    for (Map.Entry<Long, List<Long>> e : state.sessions.expiryBuckets().entrySet()) {
      buckets.put(wallNow + (e.getKey() - monoNow), e.getValue());
      sessions += e.getValue().size();
    }
    SortedMap<Long, List<String>> ephemerals = new TreeMap<>();
    for (long sid : state.tree.sessions().keySet()) {
      List<String> paths = state.tree.getEphemerals(sid, null);
      if (!paths.isEmpty()) {
        ephemerals.put(sid, paths);
      }
    }
    return FourLetterText.dump(buckets, sessions, ephemerals);
  }

  private SortedMap<Long, Set<String>> pathsBySession() {
    SortedMap<Long, Set<String>> out = new TreeMap<>();
    state
        .watches
        .pathsByWatcher()
        .forEach(
            (c, paths) -> out.computeIfAbsent(c.sessionId(), k -> new TreeSet<>()).addAll(paths));
    return out;
  }

  private SortedMap<String, Set<Long>> sessionsByPath() {
    SortedMap<String, Set<Long>> out = new TreeMap<>();
    state
        .watches
        .watchersByPath()
        .forEach(
            (path, watchers) -> {
              Set<Long> ids = out.computeIfAbsent(path, k -> new TreeSet<>());
              watchers.forEach(c -> ids.add(c.sessionId()));
            });
    return out;
  }

  long dataDirBytes() {
    return directoryBytes(state.config.dataDir().resolve(ConfigLimits.VERSION_DIR));
  }

  long dataLogDirBytes() {
    return directoryBytes(state.config.dataLogDir().resolve(ConfigLimits.VERSION_DIR));
  }

  /** The summed size of the regular files in a directory (not recursive), 0 when it is missing. */
  private static long directoryBytes(Path dir) {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(FourLetterRunner::sizeOf).sum();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0; // deleted meanwhile (purge)
    }
  }
}
