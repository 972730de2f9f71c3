package io.paddock.recipes.config;

import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.TransactionBuilder;
import io.paddock.recipes.TransactionResult;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Stat;
import io.paddock.store.model.ZnodePaths;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Publishes typed configuration values as persistent nodes {@code <basePath>/<key>}. A single key
 * is written unconditionally ({@link #publish}) or compare-and-set by data version ({@link
 * #compareAndPublish}); a whole set of keys is replaced atomically in one transaction ({@link
 * #publishAll}), guarded by the base node's data version, which counts these set-publishes (the
 * generation). Published nodes are the point of this recipe: they stay after the publisher is gone.
 * Stateless apart from its settings; thread-safe.
 *
 * @param <T> the value type
 */
public final class ConfigPublisher<T> {
  /** Expected version meaning "the key must not exist yet". */
  public static final int VERSION_NEW = -1;

  /** Expected generation meaning "whatever it is now" (retried on concurrent publishes). */
  public static final int GENERATION_ANY = -1;

  /** How often an unconditional set-publish is tried against concurrent publishers. */
  static final int PUBLISH_ATTEMPTS_MAX = 5;

  private final PaddockFramework framework;
  private final String basePath;
  private final ValueCodec<T> codec;

  /** A publisher under {@code basePath} (created, with parents, when missing). */
  public ConfigPublisher(PaddockFramework framework, String basePath, ValueCodec<T> codec) {
    this.framework = Objects.requireNonNull(framework, "framework");
    this.basePath = ZnodePaths.validate(basePath);
    this.codec = Objects.requireNonNull(codec, "codec");
  }

  /** Writes a key whatever its version; returns its new data version. */
  public int publish(String key, T value) throws PaddockException, InterruptedException {
    String path = path(key);
    byte[] data = codec.encode(value);
    PaddockException last = null;
    for (int attempt = 0; attempt < PUBLISH_ATTEMPTS_MAX; attempt++) {
      try {
        return framework.setData().forPath(path, data).version();
      } catch (PaddockException e) {
        if (e.code() != ErrorCode.NONODE) {
          throw e;
        }
      }
      try {
        return framework
            .create()
            .creatingParentsIfNeeded()
            .forPathWithStat(path, data)
            .stat()
            .version();
      } catch (PaddockException e) {
        if (e.code() != ErrorCode.NODEEXISTS) {
          throw e;
        }
        last = e; // created meanwhile: write over it
      }
    }
    throw last;
  }

  /**
   * Writes a key only if its data version is {@code expectedVersion} ({@link #VERSION_NEW}: only if
   * it does not exist); returns the new data version.
   *
   * @throws PaddockException BADVERSION or NODEEXISTS when someone else wrote first, NONODE when a
   *     versioned key is gone
   */
  public int compareAndPublish(String key, T value, int expectedVersion)
      throws PaddockException, InterruptedException {
    String path = path(key);
    byte[] data = codec.encode(value);
    if (expectedVersion == VERSION_NEW) {
      return framework
          .create()
          .creatingParentsIfNeeded()
          .forPathWithStat(path, data)
          .stat()
          .version();
    }
    return framework.setData().withVersion(expectedVersion).forPath(path, data).version();
  }

  /** The current value and version of a key, if it exists. */
  public Optional<VersionedValue<T>> read(String key)
      throws PaddockException, InterruptedException {
    try {
      DataAndStat d = framework.getData().forPathWithStat(path(key));
      return Optional.of(new VersionedValue<>(codec.decode(d.data()), d.stat().version()));
    } catch (PaddockException e) {
      if (e.code() == ErrorCode.NONODE) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Removes a key (a no-op when it does not exist). */
  public void remove(String key) throws PaddockException, InterruptedException {
    framework.delete().quietly().forPath(path(key));
  }

  /**
   * Replaces the whole set of keys atomically: one transaction writes the keys of {@code values},
   * creates the new ones, deletes the others, and bumps the generation. Subscribers see the keys
   * change one by one, but no reader ever sees a mix of two set-publishes' nodes on the server.
   *
   * @param expectedGeneration the generation the caller read ({@link #generation()}), or {@link
   *     #GENERATION_ANY} to publish over whatever is there (retried a few times against concurrent
   *     publishers)
   * @return the new generation
   * @throws PaddockException BADVERSION when the generation is not the expected one, or the error
   *     of the last attempt
   */
  public int publishAll(Map<String, T> values, int expectedGeneration)
      throws PaddockException, InterruptedException {
    Map<String, byte[]> encoded = new TreeMap<>();
    values.forEach((k, v) -> encoded.put(ConfigKeys.check(k), codec.encode(v)));
    int attempts = expectedGeneration == GENERATION_ANY ? PUBLISH_ATTEMPTS_MAX : 1;
    PaddockException last = null;
    for (int attempt = 0; attempt < attempts; attempt++) {
      try {
        return publishAllOnce(encoded, expectedGeneration);
      } catch (PaddockException e) {
        if (!isConflict(e.code())) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /** The generation: how many set-publishes the base node has seen (0 when it is missing). */
  public int generation() throws PaddockException, InterruptedException {
    Stat stat = framework.checkExists().forPath(basePath);
    return stat == null ? 0 : stat.version();
  }

  private int publishAllOnce(Map<String, byte[]> encoded, int expectedGeneration)
      throws PaddockException, InterruptedException {
    if (framework.checkExists().forPath(basePath) == null) {
      try {
        framework.create().creatingParentsIfNeeded().forPath(basePath, new byte[0]);
      } catch (PaddockException e) {
        if (e.code() != ErrorCode.NODEEXISTS) {
          throw e;
        }
      }
    }
    // the generation first: a set-publish after this read bumps it, and the transaction's check
    // then fails, so the listing below is never older than the generation it is checked against
    int generation = expectedGeneration == GENERATION_ANY ? generation() : expectedGeneration;
    List<String> existing = framework.getChildren().forPath(basePath);
    Set<String> present = new HashSet<>(existing);
    TransactionBuilder txn = framework.transaction();
    txn.setData(basePath, new byte[0], generation);
    for (Map.Entry<String, byte[]> e : encoded.entrySet()) {
      String path = ZnodePaths.child(basePath, e.getKey());
      if (present.contains(e.getKey())) {
        txn.setData(path, e.getValue());
      } else {
        txn.create(path, e.getValue());
      }
    }
    for (String key : existing) {
      if (!encoded.containsKey(key)) {
        txn.delete(ZnodePaths.child(basePath, key));
      }
    }
    List<TransactionResult> results = txn.commit();
    return results.get(0).resultStat().version();
  }

  private static boolean isConflict(ErrorCode code) {
    return code == ErrorCode.BADVERSION
        || code == ErrorCode.NODEEXISTS
        || code == ErrorCode.NONODE
        || code == ErrorCode.NOTEMPTY;
  }

  private String path(String key) {
    return ZnodePaths.child(basePath, ConfigKeys.check(key));
  }
}
