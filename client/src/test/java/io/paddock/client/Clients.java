package io.paddock.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Test helpers: connected clients and bounded waits on futures. */
final class Clients {
  static final Duration CONNECT_WAIT = Duration.ofSeconds(20);
  static final long FUTURE_WAIT_MS = 20_000;

  private Clients() {}

  /** A client on the connect string, connected. */
  static PaddockClient connected(String connectString, int sessionTimeoutMs) throws Exception {
    return connected(
        PaddockClient.builder()
            .connectString(connectString)
            .sessionTimeoutMs(sessionTimeoutMs)
            .randomSeed(Seeds.seed()));
  }

  /** A client from the builder, connected. */
  static PaddockClient connected(PaddockClientBuilder builder) throws Exception {
    PaddockClient client = builder.build();
    try {
      client.blocking().awaitConnected(CONNECT_WAIT);
    } catch (Exception e) {
      client.close();
      throw e;
    }
    return client;
  }

  /** The future's value, waiting at most 20 s. */
  static <T> T get(CompletableFuture<T> future) throws Exception {
    try {
      return future.get(FUTURE_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    } catch (TimeoutException e) {
      throw new AssertionError("future did not complete in " + FUTURE_WAIT_MS + " ms", e);
    }
  }

  /** The exception the future fails with (within 20 s); fails if it succeeds. */
  static Throwable failure(CompletableFuture<?> future) throws InterruptedException {
    try {
      Object value = future.get(FUTURE_WAIT_MS, TimeUnit.MILLISECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (TimeoutException e) {
      throw new AssertionError("future did not complete in " + FUTURE_WAIT_MS + " ms", e);
    }
  }
}
