package io.paddock.examples.config;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.config.ConfigSubscriber;
import io.paddock.recipes.config.ValueCodec;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Config reader: follows the settings under {@code /examples/config} with a {@link
 * ConfigSubscriber} and prints every change with its old and new value, until everything the
 * writer's last step publishes has arrived.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.config.ConfigReaderExample [connectString]}. With a connect string it waits
 * up to a minute for {@link ConfigWriterExample}, run against the same server from another
 * terminal. Without one it starts its own embedded server and runs the writer itself, on another
 * connection.
 */
public final class ConfigReaderExample {
  private static final Duration WATCH_LIMIT = Duration.ofSeconds(60);

  private ConfigReaderExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out, cluster.isEmbedded());
    }
  }

  /**
   * Follows the config until the writer's last step.
   *
   * @param runWriter whether to run {@link ConfigWriterExample} here, on its own connection
   * @throws IllegalStateException if the last step does not come within a minute
   */
  public static void run(ExampleCluster cluster, PrintStream out, boolean runWriter)
      throws Exception {
    PaddockFramework framework = cluster.newFramework();
    CountDownLatch writerDone = new CountDownLatch(1);
    Map<String, String> seen = new ConcurrentHashMap<>();
    try (ConfigSubscriber<String> subscriber =
        new ConfigSubscriber<>(framework, ConfigWriterExample.CONFIG_PATH, ValueCodec.string())) {
      subscriber.addListener(
          change -> {
            out.printf(
                "reader: %s changed: %s -> %s%n",
                change.key(),
                change.oldValue().orElse("(none)"),
                change.newValue().orElse("(removed)"));
            change
                .newValue()
                .ifPresentOrElse(v -> seen.put(change.key(), v), () -> seen.remove(change.key()));
            if (seen.entrySet().containsAll(ConfigWriterExample.FINAL_SETTINGS.entrySet())) {
              writerDone.countDown();
            }
          });
      subscriber.start();
      if (!subscriber.awaitInitialized(WATCH_LIMIT)) {
        throw new IllegalStateException("the config was not read within " + WATCH_LIMIT);
      }
      out.println("reader: watching " + ConfigWriterExample.CONFIG_PATH);
      if (runWriter) {
        ConfigWriterExample.run(cluster.newFramework(), out);
      }
      if (!writerDone.await(WATCH_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IllegalStateException("the writer's last step did not come in " + WATCH_LIMIT);
      }
      out.println("reader: the config now: " + subscriber.snapshot());
    }
  }
}
