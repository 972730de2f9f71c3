package io.paddock.bench.compare;

import java.util.concurrent.TimeUnit;

/**
 * A distributed mutex the lock hand-off workload drives: each contender opens its own session and
 * its own lock handle on the same lock path.
 */
public interface LockImplementation {
  /** How the table names the implementation. */
  String label();

  /** A contender with its own session to {@code connectString}, on the lock at {@code lockPath}. */
  Contender open(String connectString, String lockPath) throws Exception;

  /** One contender: one session, one lock handle. Used by one thread. */
  interface Contender extends AutoCloseable {
    /** Waits up to {@code time} for the lock; true when acquired. */
    boolean acquire(long time, TimeUnit unit) throws Exception;

    /** Releases the lock this contender holds. */
    void release() throws Exception;

    /** Closes the handle and the session. */
    @Override
    void close();
  }
}
