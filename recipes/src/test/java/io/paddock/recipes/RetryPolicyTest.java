package io.paddock.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.PaddockException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The arithmetic of the retry policies, as Curator defines it. */
class RetryPolicyTest {

  @Test
  void exponentialBackoffStaysWithinItsDoublingWindowAndStopsAfterMaxRetries() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    ExponentialBackoffRetry policy = new ExponentialBackoffRetry(10, 5, Long.MAX_VALUE, random);
    for (int n = 0; n < 5; n++) {
      long delay = policy.retryDelayMs(n, 0);
      long windowMax = 10L * ((1L << (n + 1)) - 1);
      assertTrue(delay >= 10 && delay <= windowMax, "seed " + seed + ": retry " + n + " " + delay);
    }
    assertEquals(RetryPolicy.STOP, policy.retryDelayMs(5, 0), "no sixth retry");
  }

  @Test
  void exponentialBackoffReplaysWithTheSameSeed() {
    long seed = 42;
    ExponentialBackoffRetry a = new ExponentialBackoffRetry(7, 10, 1_000, new Random(seed));
    ExponentialBackoffRetry b = new ExponentialBackoffRetry(7, 10, 1_000, new Random(seed));
    for (int n = 0; n < 10; n++) {
      assertEquals(a.retryDelayMs(n, 0), b.retryDelayMs(n, 0), "retry " + n);
    }
  }

  @Test
  void retriesAreCappedSoTheShiftCannotOverflow() {
    ExponentialBackoffRetry policy = new ExponentialBackoffRetry(1, 1_000);
    assertEquals(ExponentialBackoffRetry.RETRIES_MAX, policy.maxRetries());
    assertTrue(policy.retryDelayMs(28, 0) >= 1, "the last allowed retry has a positive delay");
    assertEquals(RetryPolicy.STOP, policy.retryDelayMs(29, 0));
  }

  @Test
  void boundedBackoffNeverExceedsItsMaximum() {
    Random random = new Random(7);
    BoundedExponentialBackoffRetry policy =
        new BoundedExponentialBackoffRetry(100, 250, 20, random);
    for (int n = 0; n < 20; n++) {
      long delay = policy.retryDelayMs(n, 0);
      assertTrue(delay >= 100 && delay <= 250, "retry " + n + ": " + delay);
    }
    assertEquals(RetryPolicy.STOP, policy.retryDelayMs(20, 0));
  }

  @Test
  void nTimesOneTimeForeverAndUntilElapsed() {
    RetryNTimes three = new RetryNTimes(3, 50);
    assertEquals(50, three.retryDelayMs(2, 0));
    assertEquals(RetryPolicy.STOP, three.retryDelayMs(3, 0));
    RetryOneTime once = new RetryOneTime(5);
    assertEquals(5, once.retryDelayMs(0, 0));
    assertEquals(RetryPolicy.STOP, once.retryDelayMs(1, 0));
    RetryForever forever = new RetryForever(9);
    assertEquals(9, forever.retryDelayMs(1_000_000, Long.MAX_VALUE / 2));
    RetryUntilElapsed until = new RetryUntilElapsed(1_000, 20);
    assertEquals(20, until.retryDelayMs(500, 999));
    assertEquals(RetryPolicy.STOP, until.retryDelayMs(0, 1_000));
  }

  @Test
  void onlyConnectionLossAndOperationTimeoutAreRetryable() {
    RetryPolicy policy = new RetryNTimes(1, 0);
    assertTrue(policy.isRetryable(new PaddockException.ConnectionLossException("/a")));
    assertTrue(policy.isRetryable(new PaddockException.OperationTimeoutException("/a")));
    assertFalse(policy.isRetryable(new PaddockException.SessionExpiredException("/a")));
    assertFalse(policy.isRetryable(new PaddockException.NoNodeException("/a")));
    assertFalse(policy.isRetryable(new IllegalStateException()));
  }
}
