package io.paddock.server;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * {@link PaddockServerMain} in a child JVM with this test run's class path (tests only). Its output
 * goes to a file, which survives the process (a pipe may lose what a dying process wrote last).
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern SERVING = Pattern.compile("serving clients on [^ ]*:(\\d+),");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

  final Process process;
  private final Path outputFile;
  private final int port;

  private ServerProcess(Process process, Path outputFile) {
    this.process = process;
    this.outputFile = outputFile;
    try {
      this.port =
          await()
              .atMost(START_TIMEOUT)
              .until(this::servingPort, p -> p.isPresent() || !process.isAlive())
              .orElseThrow(() -> new AssertionError("the server exited: " + output()));
    } catch (ConditionTimeoutException e) {
      process.destroyForcibly();
      throw new AssertionError("the server did not start: " + output(), e);
    }
  }

  /**
   * A process builder for {@code java -cp <test class path> PaddockServerMain args...}, logging
   * with the server's own logback.xml (INFO) instead of the tests' configuration, with stderr
   * merged into stdout.
   */
  static ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx256m");
    command.add("-Dlogback.configurationFile=logback.xml");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(PaddockServerMain.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true);
  }

  /** Starts the server, its output going to {@code outputFile}, and waits until it serves. */
  static ServerProcess start(Path outputFile, String... args) throws IOException {
    Process p = builder(args).redirectOutput(outputFile.toFile()).start();
    return new ServerProcess(p, outputFile);
  }

  int port() {
    return port;
  }

  String connectString() {
    return "127.0.0.1:" + port;
  }

  /** Everything the process wrote so far. */
  List<String> output() {
    try {
      return Files.readAllLines(outputFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<Integer> servingPort() {
    for (String line : output()) {
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        return Optional.of(Integer.parseInt(m.group(1)));
      }
    }
    return Optional.empty();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
