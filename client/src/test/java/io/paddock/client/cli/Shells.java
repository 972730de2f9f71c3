package io.paddock.client.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs one shell command two ways: through {@link PaddockCli} in this JVM, and through Apache
 * ZooKeeper's own zkCli (ZooKeeperMain, which calls System.exit) in a child JVM on the test class
 * path.
 */
final class Shells {
  private static final long ZKCLI_WAIT_S = 60;

  private Shells() {}

  /** Runs {@code bin/paddock cli -server <server> <words…>} with captured streams. */
  static CliResult paddock(String server, String... words) {
    return paddockWithInput(server, "", words);
  }

  /** Runs the interactive shell on a script: one command a line. */
  static CliResult paddockScript(String server, String script) {
    return paddockWithInput(server, script);
  }

  private static CliResult paddockWithInput(String server, String input, String... words) {
    List<String> args = new ArrayList<>(List.of("-server", server));
    args.addAll(List.of(words));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, UTF_8);
        PrintStream e = new PrintStream(err, true, UTF_8)) {
      code =
          new PaddockCli(new ByteArrayInputStream(input.getBytes(UTF_8)), o, e)
              .run(args.toArray(new String[0]));
    }
    return new CliResult(code, out.toString(UTF_8), err.toString(UTF_8));
  }

  /**
   * The commons-cli jar zkCli needs: Apache ZooKeeper declares it 'provided', so it is not on the
   * test class path; it is taken from the local Maven repository. Empty when it is not there.
   */
  static Optional<Path> commonsCliJar() {
    String repo = System.getProperty("maven.repo.local");
    Path root =
        repo != null
            ? Paths.get(repo)
            : Paths.get(System.getProperty("user.home"), ".m2", "repository");
    Path dir = root.resolve("commons-cli").resolve("commons-cli");
    Path preferred = dir.resolve("1.5.0").resolve("commons-cli-1.5.0.jar");
    if (Files.isRegularFile(preferred)) {
      return Optional.of(preferred);
    }
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (Stream<Path> jars = Files.walk(dir, 2)) {
      return jars.filter(p -> p.getFileName().toString().matches("commons-cli-1\\.[4-9].*\\.jar"))
          .max(Comparator.naturalOrder());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Runs Apache ZooKeeper's zkCli, {@code -server <server> <words…>}, in a child JVM. */
  static CliResult zkCli(String server, String... words) throws IOException, InterruptedException {
    return zkCliWithInput(server, "", words);
  }

  /**
   * Runs Apache ZooKeeper's interactive zkCli on a script, in a child JVM (no jline: no prompt).
   */
  static CliResult zkCliScript(String server, String script)
      throws IOException, InterruptedException {
    return zkCliWithInput(server, script);
  }

  private static CliResult zkCliWithInput(String server, String input, String... words)
      throws IOException, InterruptedException {
    Path jar = commonsCliJar().orElseThrow(() -> new IllegalStateException("no commons-cli jar"));
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path") + File.pathSeparator + jar);
    command.add("org.apache.zookeeper.ZooKeeperMain");
    command.add("-server");
    command.add(server);
    command.addAll(List.of(words));
    Path out = Files.createTempFile("zkcli", ".out");
    Path err = Files.createTempFile("zkcli", ".err");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      try (OutputStream stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(UTF_8)); // small: fits the pipe, zkCli reads it all
      }
      if (!process.waitFor(ZKCLI_WAIT_S, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("zkCli did not finish in " + ZKCLI_WAIT_S + " s: " + command);
      }
      return new CliResult(
          process.exitValue(), Files.readString(out, UTF_8), Files.readString(err, UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
