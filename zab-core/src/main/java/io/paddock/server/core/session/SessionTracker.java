package io.paddock.server.core.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.LongPredicate;

/**
 * The live sessions of a server: their timeouts, which of them are closing, and when each expires
 * (ZooKeeper's {@code SessionTrackerImpl}, without a thread: the owner polls {@link #takeExpired}).
 *
 * <p>Single-threaded: the server's state thread owns it. Times are monotonic milliseconds from the
 * server's clock. A session is <em>active</em> from {@link #add} until {@link #setClosing} (a
 * closeSession txn was prepared for it) and known until {@link #remove} (that txn was applied).
 */
public final class SessionTracker {
  /** How many ids {@link #nextSessionId} tries before giving up. */
  public static final int ID_PROBES_MAX = 1 << 20;

  private final Map<Long, Entry> sessions = new HashMap<>();
  private final java.util.Set<Long> touched = new java.util.LinkedHashSet<>();
  private boolean recordTouches;
  private final ExpiryQueue expiry;
  private long nextId;

  private static final class Entry {
    int timeoutMs;
    boolean closing;

    Entry(int timeoutMs) {
      this.timeoutMs = timeoutMs;
    }
  }

  /**
   * A tracker with no sessions.
   *
   * @param tickMs the bucket width ({@code tickTime})
   * @param serverId {@code myid}; 0 standalone
   * @param idSeedMs the clock reading session ids are derived from (PROTOCOL 3.3)
   */
  public SessionTracker(int tickMs, long serverId, long idSeedMs) {
    this.expiry = new ExpiryQueue(tickMs);
    this.nextId = SessionIds.initialId(idSeedMs, serverId);
  }

  /**
   * The next unused session id: one up from the last, skipping the reserved ids and any id for
   * which {@code taken} is true (a session restored from disk may hold it).
   *
   * @throws IllegalStateException if no free id is found within {@link #ID_PROBES_MAX} steps
   */
  public long nextSessionId(LongPredicate taken) {
    for (int i = 0; i < ID_PROBES_MAX; i++) {
      long id = nextId++;
      if (!SessionIds.isReserved(id) && !sessions.containsKey(id) && !taken.test(id)) {
        return id;
      }
    }
    throw new IllegalStateException("no free session id after " + ID_PROBES_MAX + " probes");
  }

  /**
   * Starts tracking a session that expires {@code timeoutMs} after {@code nowMs} (bucketed).
   *
   * @throws IllegalStateException if the id is already tracked
   */
  public void add(long id, int timeoutMs, long nowMs) {
    if (sessions.putIfAbsent(id, new Entry(timeoutMs)) != null) {
      throw new IllegalStateException("session 0x" + Long.toHexString(id) + " already tracked");
    }
    expiry.update(id, nowMs, timeoutMs);
  }

  /**
   * Moves an active session's expiry forward: any packet from it does this.
   *
   * @return false when the session is unknown or closing (nothing changes)
   */
  public boolean touch(long id, long nowMs) {
    Entry e = sessions.get(id);
    if (e == null || e.closing) {
      return false;
    }
    expiry.update(id, nowMs, e.timeoutMs);
    if (recordTouches) {
      touched.add(id);
    }
    return true;
  }

  /**
   * Ensemble learner: remember which sessions are touched, so that they can be reported to the
   * leader, which alone expires sessions.
   */
  public void recordTouches(boolean on) {
    recordTouches = on;
    if (!on) {
      touched.clear();
    }
  }

  /** The sessions touched since the last call (while recording), with nothing kept. */
  public java.util.Set<Long> drainTouched() {
    java.util.Set<Long> out = new java.util.LinkedHashSet<>(touched);
    touched.clear();
    return out;
  }

  /** Changes an active session's timeout (a reconnect negotiates anew) and touches it. */
  public void setTimeout(long id, int timeoutMs, long nowMs) {
    Entry e = sessions.get(id);
    if (e != null && !e.closing) {
      e.timeoutMs = timeoutMs;
      expiry.update(id, nowMs, timeoutMs);
      if (recordTouches) {
        touched.add(id);
      }
    }
  }

  /** True when the session is tracked and not closing. */
  public boolean isActive(long id) {
    Entry e = sessions.get(id);
    return e != null && !e.closing;
  }

  /** True when the session is tracked, closing or not. */
  public boolean isKnown(long id) {
    return sessions.containsKey(id);
  }

  /** The session's current timeout, or 0 when it is unknown. */
  public int timeoutOf(long id) {
    Entry e = sessions.get(id);
    return e == null ? 0 : e.timeoutMs;
  }

  /** Marks a session closing: it no longer expires and no longer counts as active. */
  public void setClosing(long id) {
    Entry e = sessions.get(id);
    if (e != null) {
      e.closing = true;
      expiry.remove(id);
    }
  }

  /** Forgets a session (its closeSession txn was applied). */
  public void remove(long id) {
    sessions.remove(id);
    expiry.remove(id);
  }

  /**
   * The active sessions whose expiry time has come, oldest bucket first. Each is marked closing
   * before it is returned, so it is reported once.
   */
  public List<Long> takeExpired(long nowMs) {
    List<Long> expired = expiry.pollExpired(nowMs);
    for (long id : expired) {
      Entry e = sessions.get(id);
      if (e == null) {
        throw new IllegalStateException("expiry bucket held unknown session " + id);
      }
      e.closing = true;
    }
    return expired;
  }

  /** The earliest expiry time, or {@code Long.MAX_VALUE} when nothing can expire. */
  public long nextExpiryMs() {
    return expiry.nextExpiryMs();
  }

  /** The session's expiry time, or −1 when it has none (unknown or closing). */
  public long expiryOf(long id) {
    return expiry.expiryOf(id);
  }

  /** The number of tracked sessions, closing ones included. */
  public int size() {
    return sessions.size();
  }

  /** A copy of the expiry buckets for the {@code dump} four-letter word: time to session ids. */
  public NavigableMap<Long, List<Long>> expiryBuckets() {
    return expiry.snapshot();
  }
}
