package io.paddock.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awaitility.core.ConditionTimeoutException;

/**
 * An interactive shell that a test types into line by line while it runs: Paddock's (on a thread of
 * this JVM) or Apache zkCli (a child JVM), with what each has printed so far.
 */
final class LiveShell implements AutoCloseable {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final OutputStream stdin;
  private final Supplier<String> out;
  private final Supplier<String> err;
  private final CompletableFuture<Integer> exit;
  private final Runnable kill;

  private LiveShell(
      OutputStream stdin,
      Supplier<String> out,
      Supplier<String> err,
      CompletableFuture<Integer> exit,
      Runnable kill) {
    this.stdin = stdin;
    this.out = out;
    this.err = err;
    this.exit = exit;
    this.kill = kill;
  }

  /** Paddock's shell on the server, reading what {@link #send} types. */
  static LiveShell paddock(String server) throws IOException {
    PipedOutputStream typing = new PipedOutputStream();
    PipedInputStream input = new PipedInputStream(typing, 1 << 16);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PaddockCli cli =
        new PaddockCli(input, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread thread =
        new Thread(
            () -> {
              try {
                exit.complete(cli.run("-server", server));
              } catch (Throwable t) {
                exit.completeExceptionally(t);
              }
            },
            "paddock-cli");
    thread.setDaemon(true);
    thread.start();
    return new LiveShell(
        typing, () -> out.toString(UTF_8), () -> err.toString(UTF_8), exit, thread::interrupt);
  }

  /** Apache ZooKeeper's zkCli 3.9.3 on the server, in a child JVM. */
  static LiveShell zkCli(String server) throws IOException {
    Path jar = Shells.commonsCliJar().orElseThrow();
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path") + File.pathSeparator + jar);
    command.add("org.apache.zookeeper.ZooKeeperMain");
    command.add("-server");
    command.add(server);
    Path out = Files.createTempFile("zkcli", ".out");
    Path err = Files.createTempFile("zkcli", ".err");
    out.toFile().deleteOnExit();
    err.toFile().deleteOnExit();
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    CompletableFuture<Integer> exit = process.onExit().thenApply(Process::exitValue);
    return new LiveShell(
        process.getOutputStream(),
        () -> read(out),
        () -> read(err),
        exit,
        process::destroyForcibly);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Types one line. */
  void send(String line) throws IOException {
    stdin.write((line + "\n").getBytes(UTF_8));
    stdin.flush();
  }

  /** Everything on stdout so far. */
  String out() {
    return out.get();
  }

  /** Everything on stderr so far. */
  String err() {
    return err.get();
  }

  /** Waits until stdout holds {@code text} at least {@code times} times. */
  void awaitOut(String text, int times) {
    try {
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> count(out(), text) >= times);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "stdout never held "
              + times
              + " x ["
              + text
              + "]\n--- out\n"
              + out()
              + "--- err\n"
              + err(),
          e);
    }
  }

  /** Waits until stdout holds {@code text}. */
  void awaitOut(String text) {
    awaitOut(text, 1);
  }

  private static int count(String haystack, String needle) {
    int n = 0;
    for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
      n++;
    }
    return n;
  }

  /** Ends the input and waits for the shell to exit; returns its exit code. */
  int endAndAwaitExit() throws Exception {
    stdin.close();
    return awaitExit();
  }

  /** Waits for the shell to exit by itself (after quit); returns its exit code. */
  int awaitExit() throws Exception {
    return exit.get(WAIT.toSeconds(), TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    if (!exit.isDone()) {
      kill.run();
    }
    try {
      stdin.close();
    } catch (IOException readerGone) {
      // the shell is gone already
    }
  }
}
