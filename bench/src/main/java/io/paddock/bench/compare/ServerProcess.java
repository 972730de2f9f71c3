package io.paddock.bench.compare;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One server JVM the harness started: same java binary and class path as the harness, the shared
 * JVM flags, the server's main class and its zoo.cfg; stdout and stderr go to a log file next to
 * the zoo.cfg. Every started process is remembered until it has exited, and a shutdown hook kills
 * what is left, by PID, so an interrupted run leaves no server behind.
 */
public final class ServerProcess {
  /** How long a server may take to exit after SIGTERM before it is killed. */
  static final long STOP_WAIT_MS = 30_000;

  /** How long the OS may take to reap a killed process. */
  static final long KILL_WAIT_MS = 10_000;

  private static final Set<Process> LIVE = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> LIVE.forEach(p -> p.destroyForcibly()), "bench-kill-started-servers"));
  }

  private final ServerKind kind;
  private final Path cfg;
  private final Path log;
  private final List<String> command;
  private Process process;

  /** A process for {@code kind} with config {@code cfg}; not started yet. */
  public ServerProcess(ServerKind kind, Path cfg, ServerSettings settings, JvmLauncher jvm) {
    this.kind = kind;
    this.cfg = cfg;
    this.log = cfg.resolveSibling("server.log");
    this.command = jvm.command(settings.jvmFlags(), kind.mainClass(), cfg.toString());
  }

  /** Starts the JVM (again, after a kill or stop: same config, same data dir, log appended). */
  public synchronized void start() throws IOException {
    if (process != null && process.isAlive()) {
      throw new IllegalStateException(kind + " " + cfg + " is running already");
    }
    process =
        new ProcessBuilder(command)
            .directory(cfg.getParent().toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    LIVE.add(process);
  }

  /** The server kind. */
  public ServerKind kind() {
    return kind;
  }

  /** The PID of the running JVM. */
  public synchronized long pid() {
    requireStarted();
    return process.pid();
  }

  /** True while the JVM runs. */
  public synchronized boolean isAlive() {
    return process != null && process.isAlive();
  }

  /** The exit status, once the JVM has exited. */
  public synchronized int exitStatus() {
    requireStarted();
    return process.exitValue();
  }

  /** CPU milliseconds the running JVM used so far (-1 when unknown). */
  public double cpuMs() {
    return isAlive() ? ProcStat.cpuMs(pid()) : -1;
  }

  /** SIGKILL to this PID, then waits for the OS to reap it. */
  public void kill() throws InterruptedException {
    Process p;
    synchronized (this) {
      p = process;
    }
    if (p == null) {
      return;
    }
    p.destroyForcibly();
    p.waitFor(KILL_WAIT_MS, TimeUnit.MILLISECONDS);
    LIVE.remove(p);
  }

  /** SIGTERM to this PID; SIGKILL when it has not exited within {@value #STOP_WAIT_MS} ms. */
  public void stop() throws InterruptedException {
    Process p;
    synchronized (this) {
      p = process;
    }
    if (p == null) {
      return;
    }
    p.destroy();
    if (!p.waitFor(STOP_WAIT_MS, TimeUnit.MILLISECONDS)) {
      kill();
    }
    LIVE.remove(p);
  }

  /** The log file (stdout and stderr of every start). */
  public Path log() {
    return log;
  }

  /**
   * The line of the log that says why the server failed: the first line that is an error or names
   * an exception, else the first line, else a note that the log is empty.
   */
  public String failureCause() {
    List<String> lines;
    try {
      lines = Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
    return causeLine(lines);
  }

  /** The cause among {@code lines}, by the rule of {@link #failureCause()}. */
  static String causeLine(List<String> lines) {
    List<String> nonEmpty = new ArrayList<>();
    for (String line : lines) {
      if (!line.isBlank()) {
        nonEmpty.add(line.strip());
      }
    }
    for (String line : nonEmpty) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (line.contains(" ERROR ")
          || line.startsWith("ERROR")
          || lower.startsWith("paddock:")
          || lower.contains("exception")
          || lower.startsWith("error:")) {
        return line;
      }
    }
    return nonEmpty.isEmpty() ? "(no output)" : nonEmpty.get(0);
  }

  private void requireStarted() {
    if (process == null) {
      throw new IllegalStateException(kind + " " + cfg + " was never started");
    }
  }
}
