package io.paddock.bench.compare;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.RetryNTimes;
import io.paddock.recipes.locks.InterProcessMutex;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Paddock's herd-free {@link InterProcessMutex} from the recipes module, on our own client. */
public final class PaddockLock implements LockImplementation {
  /** How the table names Paddock's mutex. */
  public static final String LABEL = "Paddock mutex";

  private static final int RETRIES = 3;
  private static final int RETRY_PAUSE_MS = 100;
  private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(15);

  @Override
  public String label() {
    return LABEL;
  }

  @Override
  public Contender open(String connectString, String lockPath) throws Exception {
    PaddockFramework framework =
        PaddockFramework.builder()
            .connectString(connectString)
            .sessionTimeoutMs(Sessions.SESSION_TIMEOUT_MS)
            .connectionTimeoutMs((int) CONNECTION_TIMEOUT.toMillis())
            .retryPolicy(new RetryNTimes(RETRIES, RETRY_PAUSE_MS))
            .build();
    framework.start();
    if (!framework.blockUntilConnected(CONNECTION_TIMEOUT)) {
      framework.close();
      throw new IllegalStateException("Paddock's framework did not connect to " + connectString);
    }
    InterProcessMutex mutex = new InterProcessMutex(framework, lockPath);
    return new Contender() {
      @Override
      public boolean acquire(long time, TimeUnit unit) throws Exception {
        return mutex.acquire(time, unit);
      }

      @Override
      public void release() throws Exception {
        mutex.release();
      }

      @Override
      public void close() {
        framework.close();
      }
    };
  }
}
