package io.paddock.bench.compare;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** The store figures' rows: heap per znode, snapshot write and load, cold restart, at N znodes. */
final class StoreRows {
  private final int znodes;
  private final Path dir;
  private final ServerSettings settings;
  private final JvmLauncher jvm;
  private final ComparisonTable table;
  private final Consumer<String> log;

  StoreRows(
      int znodes,
      Path dir,
      ServerSettings settings,
      JvmLauncher jvm,
      ComparisonTable table,
      Consumer<String> log) {
    this.znodes = znodes;
    this.dir = dir;
    this.settings = settings;
    this.jvm = jvm;
    this.table = table;
    this.log = log;
  }

  void run() throws InterruptedException {
    String label = String.format(Locale.ROOT, "store at %,d znodes, 100 B each", znodes);
    try {
      Map<ServerKind, StoreFigures.Footprint> f =
          StoreFigures.footprint(jvm, znodes, dir.resolve("footprint"));
      StoreFigures.Footprint zk = f.get(ServerKind.ZOOKEEPER);
      StoreFigures.Footprint paddock = f.get(ServerKind.PADDOCK);
      log.accept(label + ": footprint ZooKeeper " + zk + ", Paddock " + paddock);
      table.add(
          label,
          "heap per znode, bytes (in-JVM)",
          Cell.number(zk.bytesPerZnode(), "%.1f"),
          Cell.number(paddock.bytesPerZnode(), "%.1f"));
      table.add(
          label,
          "snapshot write + fsync, ms (in-JVM)",
          Cell.number(zk.writeMs(), "%,.0f"),
          Cell.number(paddock.writeMs(), "%,.0f"));
      table.add(
          label,
          "snapshot load, ms (in-JVM)",
          Cell.number(zk.loadMs(), "%,.0f"),
          Cell.number(paddock.loadMs(), "%,.0f"));
    } catch (InterruptedException e) {
      throw e;
    } catch (Exception e) {
      log.accept(label + ": footprint failed: " + SideBySideRun.firstLine(e));
      Cell failed = Cell.text("failed: " + SideBySideRun.firstLine(e));
      table.add(label, "heap per znode, bytes (in-JVM)", failed, failed);
    }
    Map<ServerKind, Cell> restart = new EnumMap<>(ServerKind.class);
    for (ServerKind k : List.of(ServerKind.ZOOKEEPER, ServerKind.PADDOCK)) {
      try {
        double ms =
            StoreFigures.coldRestartMs(
                k,
                dir.resolve("restart-" + k.name().toLowerCase(Locale.ROOT)),
                settings,
                jvm,
                znodes);
        restart.put(k, Cell.number(ms, "%,.0f"));
        log.accept(
            String.format(Locale.ROOT, "%s: cold restart %s %.0f ms", label, k.displayName(), ms));
      } catch (ServerStartException e) {
        restart.put(k, Cell.text(e.cellText()));
        log.accept(label + ": cold restart " + k.displayName() + ": " + e.cellText());
      } catch (InterruptedException e) {
        throw e;
      } catch (Exception e) {
        restart.put(k, Cell.text("failed: " + SideBySideRun.firstLine(e)));
        log.accept(
            label + ": cold restart " + k.displayName() + " failed: " + SideBySideRun.firstLine(e));
      }
    }
    table.add(
        label,
        "cold restart to first read, ms",
        restart.get(ServerKind.ZOOKEEPER),
        restart.get(ServerKind.PADDOCK));
  }
}
