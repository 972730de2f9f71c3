package io.paddock.examples.config;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.config.ConfigPublisher;
import io.paddock.recipes.config.ValueCodec;
import java.io.PrintStream;
import java.util.Map;

/**
 * Config writer: publishes settings under {@code /examples/config} with a {@link ConfigPublisher} —
 * one key at a time, a compare-and-set by version, and a whole set at once in one transaction (all
 * or nothing). Run {@link ConfigReaderExample} against the same server to watch the changes arrive.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.config.ConfigWriterExample [connectString]} — without a connect string it
 * starts its own embedded server.
 */
public final class ConfigWriterExample {
  /** Where the settings live: one node per key. */
  public static final String CONFIG_PATH = "/examples/config";

  /** What the last step publishes, in one transaction; a reader is done once it sees all of it. */
  public static final Map<String, String> FINAL_SETTINGS =
      Map.of("greeting", "goodbye", "search.enabled", "true", "pool.size", "8");

  private static final long PAUSE_MS = 200;

  private ConfigWriterExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster.newFramework(), System.out);
    }
  }

  /**
   * Publishes the example's settings, pausing between steps so a reader sees them one by one.
   *
   * @throws IllegalStateException if a compare-and-set that must win lost
   */
  public static void run(PaddockFramework framework, PrintStream out) throws Exception {
    ConfigPublisher<String> publisher =
        new ConfigPublisher<>(framework, CONFIG_PATH, ValueCodec.string());
    int version = publisher.publish("greeting", "hello");
    out.println("writer: greeting = hello (version " + version + ")");
    Thread.sleep(PAUSE_MS); // let a reader see each step on its own
    version = publisher.compareAndPublish("greeting", "bonjour", version);
    out.println("writer: greeting = bonjour, compare-and-set on the version (now " + version + ")");
    Thread.sleep(PAUSE_MS);
    int generation = publisher.generation();
    publisher.publishAll(FINAL_SETTINGS, generation);
    out.println("writer: greeting, search.enabled and pool.size published in one transaction");
  }
}
