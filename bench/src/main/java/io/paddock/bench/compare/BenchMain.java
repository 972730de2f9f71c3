package io.paddock.bench.compare;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * {@code bin/paddock bench}: Apache ZooKeeper and Paddock side by side, each as its own server
 * process(es), driven by the official ZooKeeper client; prints one table and writes it as Markdown
 * with {@code --out}. Exit status 2 on a bad command line, 1 when the run itself breaks (a server
 * failing to start is a table cell, not an exit).
 */
public final class BenchMain {
  /** The harness JVM's own logging (the servers log through their own JVMs' configuration). */
  static final String LOGBACK_CONFIG = "io/paddock/bench/compare/bench-logback.xml";

  private BenchMain() {}

  /** Parses the options, runs the plan and prints the report. */
  public static void main(String[] args) throws Exception {
    if (System.getProperty("logback.configurationFile") == null) {
      // Before any logger exists: the clients' INFO chatter would bury the progress lines.
      System.setProperty("logback.configurationFile", LOGBACK_CONFIG);
    }
    if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    BenchOptions options;
    BenchPlan plan;
    try {
      options = BenchOptions.parse(args);
      plan = BenchPlan.of(options);
    } catch (IllegalArgumentException e) {
      System.err.println("paddock bench: " + e.getMessage());
      System.err.println(BenchOptions.USAGE);
      System.exit(2);
      return;
    }
    ServerSettings settings = ServerSettings.defaults();
    if (!options.serverJvmFlags().isEmpty()) {
      settings = settings.withJvmFlags(options.serverJvmFlags());
    }
    Path base =
        options.dir().isPresent()
            ? Files.createDirectories(options.dir().get())
            : Files.createTempDirectory("paddock-bench-");
    Path runDir = Files.createTempDirectory(base, "run-");
    PrintStream progress = System.err;
    progress.println("bench: data under " + runDir);
    String command = "bin/paddock bench" + (args.length == 0 ? "" : " " + String.join(" ", args));
    try {
      Report report =
          new SideBySideRun(
                  plan,
                  settings,
                  JvmLauncher.current(),
                  runDir,
                  SideBySideRun.eachItsOwn(),
                  progress)
              .run(command);
      System.out.println();
      System.out.print(report.toText());
      if (options.out().isPresent()) {
        Files.writeString(options.out().get(), report.toMarkdown(), StandardCharsets.UTF_8);
        progress.println("bench: Markdown written to " + options.out().get());
      }
    } finally {
      if (!options.keepData()) {
        deleteTree(runDir);
        if (options.dir().isEmpty()) {
          deleteTree(base);
        }
      }
    }
    System.exit(0);
  }

  /** Deletes {@code root} and everything under it. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
