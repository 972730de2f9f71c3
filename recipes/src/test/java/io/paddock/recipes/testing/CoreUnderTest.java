package io.paddock.recipes.testing;

/**
 * A coordination core the recipe tests run against. The recipes module runs an embedded standalone
 * Paddock server ({@link EmbeddedPaddockCore}); a contract-suite module supplies other cores (an
 * ensemble, Apache ZooKeeper) by overriding {@link RecipeTestBase#newCore()}.
 */
public interface CoreUnderTest extends AutoCloseable {
  /** The connect string of the running core. */
  String connectString();

  /** Stops every server (clients see the connection drop). */
  void stop();

  /** Starts the servers again on the same addresses with the same data. */
  void start();

  /** The shortest session timeout the core grants. */
  int minSessionTimeoutMs();

  @Override
  void close();
}
