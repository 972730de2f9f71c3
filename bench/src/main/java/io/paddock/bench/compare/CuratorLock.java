package io.paddock.bench.compare;

import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.RetryNTimes;

/** Curator's {@link InterProcessMutex}: the reference lock, on ZooKeeper and on Paddock alike. */
public final class CuratorLock implements LockImplementation {
  /** How the table names Curator's InterProcessMutex. */
  public static final String LABEL = "Curator mutex";

  private static final int RETRIES = 3;
  private static final int RETRY_PAUSE_MS = 100;
  private static final int CONNECTION_TIMEOUT_MS = 15_000;

  private final String label;

  /** Curator's mutex, named {@code label} in the table. */
  public CuratorLock(String label) {
    this.label = label;
  }

  @Override
  public String label() {
    return label;
  }

  @Override
  public Contender open(String connectString, String lockPath) throws Exception {
    CuratorFramework client =
        CuratorFrameworkFactory.newClient(
            connectString,
            Sessions.SESSION_TIMEOUT_MS,
            CONNECTION_TIMEOUT_MS,
            new RetryNTimes(RETRIES, RETRY_PAUSE_MS));
    client.start();
    if (!client.blockUntilConnected(CONNECTION_TIMEOUT_MS, TimeUnit.MILLISECONDS)) {
      client.close();
      throw new IllegalStateException("Curator did not connect to " + connectString);
    }
    InterProcessMutex mutex = new InterProcessMutex(client, lockPath);
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
        client.close();
      }
    };
  }
}
