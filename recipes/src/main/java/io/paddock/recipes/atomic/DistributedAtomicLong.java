package io.paddock.recipes.atomic;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryPolicy;
import io.paddock.store.model.ZnodePaths;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A long counter shared through one persistent node (Curator's DistributedAtomicLong): 8 bytes,
 * big-endian; a missing node reads as 0 and is created by the first write.
 *
 * <p>Every change is a compare-and-set: read the value and its version, write the new value with
 * that version. A lost race is retried under {@code retryPolicy}; if it still loses and a {@link
 * PromotedToLock} was given, the loop runs again holding that mutex. Contention never throws:
 * callers <b>must</b> check {@link AtomicValue#succeeded()}. A connection failure is thrown as a
 * PaddockException; a write in flight at that moment may or may not have landed.
 *
 * <p>No lifecycle: the object keeps no watches and no threads, and leaves only the counter's node
 * (the point) and, while promoted, the mutex's ephemeral node. Corrupt bytes in the node (not 8
 * bytes) raise IllegalStateException. Thread-safe.
 */
public final class DistributedAtomicLong {
  private final AtomicEngine engine;

  /**
   * An optimistic-only counter.
   *
   * @param path the counter's node
   * @param retryPolicy the retries after a lost race (not after connection failures)
   */
  public DistributedAtomicLong(PaddockFramework framework, String path, RetryPolicy retryPolicy) {
    this(framework, path, retryPolicy, null);
  }

  /**
   * A counter that escalates to a mutex when optimism fails.
   *
   * @param promotedToLock the escalation, or null for none
   */
  public DistributedAtomicLong(
      PaddockFramework framework,
      String path,
      RetryPolicy retryPolicy,
      PromotedToLock promotedToLock) {
    ZnodePaths.validate(framework.fullPath(path));
    if (promotedToLock != null) {
      ZnodePaths.validate(framework.fullPath(promotedToLock.lockPath()));
      if (promotedToLock.lockPath().equals(path)) {
        throw new IllegalArgumentException("the promotion lock needs a path of its own");
      }
    }
    this.engine =
        new AtomicEngine(
            framework, path, Objects.requireNonNull(retryPolicy, "retryPolicy"), promotedToLock);
  }

  /** The counter's path. */
  public String path() {
    return engine.path();
  }

  /** The bytes of a value as the node holds them. */
  static byte[] encode(long value) {
    return ByteBuffer.allocate(Long.BYTES).putLong(value).array();
  }

  /** The value of the node's bytes; 0 for a missing node. */
  static long decode(byte[] bytes) {
    if (bytes == null) {
      return 0;
    }
    if (bytes.length != Long.BYTES) {
      throw new IllegalStateException(
          "corrupted data: a long counter holds " + bytes.length + " bytes");
    }
    return ByteBuffer.wrap(bytes).getLong();
  }

  /** The current value (0 when the node does not exist); always succeeded. */
  public AtomicValue<Long> get() throws PaddockException, InterruptedException {
    long value = decode(engine.read());
    MutableAtomicValue<Long> result = new MutableAtomicValue<>(value, value);
    result.succeeded(true);
    return result;
  }

  /** Adds 1. */
  public AtomicValue<Long> increment() throws PaddockException, InterruptedException {
    return add(1);
  }

  /** Subtracts 1. */
  public AtomicValue<Long> decrement() throws PaddockException, InterruptedException {
    return add(-1);
  }

  /** Adds {@code delta} (overflow wraps, as for a Java long). */
  public AtomicValue<Long> add(long delta) throws PaddockException, InterruptedException {
    return engine
        .trySet(current -> encode(decode(current) + delta))
        .map(DistributedAtomicLong::decode);
  }

  /** Subtracts {@code delta}. */
  public AtomicValue<Long> subtract(long delta) throws PaddockException, InterruptedException {
    return add(-delta);
  }

  /**
   * Sets {@code newValue} only if the value is {@code expectedValue} (a missing node counts as 0).
   * One attempt, no retries: a mismatch or a lost race reports not succeeded, with the value seen.
   */
  public AtomicValue<Long> compareAndSet(long expectedValue, long newValue)
      throws PaddockException, InterruptedException {
    byte[] current = engine.read();
    byte[] expected = current == null && expectedValue == 0 ? null : encode(expectedValue);
    return engine.compareAndSet(expected, encode(newValue)).map(DistributedAtomicLong::decode);
  }

  /** Sets {@code newValue} atomically (optimistic, then promoted), whatever the value was. */
  public AtomicValue<Long> trySet(long newValue) throws PaddockException, InterruptedException {
    byte[] bytes = encode(newValue);
    return engine.trySet(current -> bytes).map(DistributedAtomicLong::decode);
  }

  /** Writes {@code newValue} unconditionally, with no atomicity against concurrent changes. */
  public void forceSet(long newValue) throws PaddockException, InterruptedException {
    engine.forceSet(encode(newValue));
  }

  /**
   * Creates the counter with {@code value} if it does not exist.
   *
   * @return true if this call created it; false if it existed (its value is kept)
   */
  public boolean initialize(long value) throws PaddockException, InterruptedException {
    return engine.initialize(encode(value));
  }
}
