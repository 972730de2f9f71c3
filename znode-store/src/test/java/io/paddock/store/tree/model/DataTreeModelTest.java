package io.paddock.store.tree.model;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Model-based check of {@code DataTree}: random seeded histories applied to the real tree and to
 * the {@link ReferenceTree}, compared result by result and event by event, and state by state.
 *
 * <p>Replay one seed with {@code mvn -B -pl znode-store test -Dtest=DataTreeModelTest
 * -Dpaddock.model.seed=N}; the full state is then compared after every txn.
 */
class DataTreeModelTest {
  private static final int TXNS_PER_SEED = 2_000;
  private static final int STATE_EVERY = 100;

  @Test
  void randomHistoriesMatchTheReference() {
    check(ModelRun.seeds(1, 200));
  }

  @Test
  @Tag("slow")
  void manyMoreRandomHistoriesMatchTheReference() {
    check(ModelRun.seeds(100_000, 2_000));
  }

  private static void check(List<Long> seeds) {
    List<ModelMismatch> failures =
        ModelRun.runSeeds(
            seeds, TXNS_PER_SEED, ModelRun.stateEvery(STATE_EVERY), TreeUnderTest::real);
    if (!failures.isEmpty()) {
      fail(ModelRun.report(failures, seeds.size()), failures.get(0));
    }
  }
}
