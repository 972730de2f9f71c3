package io.paddock.server.core.fourletter;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The text of the four-letter words, in ZooKeeper 3.9's shapes (PROTOCOL 11): every line ends in
 * {@code \n}; {@code ruok} and {@code isro} have no newline. Pure functions of the values given.
 */
public final class FourLetterText {
  /** What every word but ruok answers when the server is not running. */
  public static final String NOT_SERVING =
      "This ZooKeeper instance is not currently serving requests\n";

  /** The answer of {@code ruok}. */
  public static final String IMOK = "imok";

  /** The answer of {@code isro} on a read-write server. */
  public static final String READ_WRITE = "rw";

  /** The answer of {@code crst}. */
  public static final String CONNECTION_STATS_RESET = "Connection stats reset.\n";

  /** The answer of {@code srst}. */
  public static final String SERVER_STATS_RESET = "Server stats reset.\n";

  private FourLetterText() {}

  /** What a word outside the whitelist answers. */
  public static String notInWhitelist(String command) {
    return command + " is not executed because it is not in the whitelist.\n";
  }

  /** {@code srvr}: the server block without clients. */
  public static String srvr(ServerSummary s) {
    return "Zookeeper version: " + s.version() + "\n" + statsBlock(s);
  }

  /** {@code stat}: like srvr, with a {@code Clients:} section of brief connection lines. */
  public static String stat(ServerSummary s, List<ConnectionInfo> connections) {
    StringBuilder sb = new StringBuilder();
    sb.append("Zookeeper version: ").append(s.version()).append('\n');
    sb.append("Clients:\n");
    for (ConnectionInfo c : connections) {
      sb.append(connectionLine(c, true)).append('\n');
    }
    sb.append('\n');
    return sb.append(statsBlock(s)).toString();
  }

  private static String statsBlock(ServerSummary s) {
    return "Latency min/avg/max: "
        + s.minLatencyMs()
        + "/"
        + s.avgLatencyMs()
        + "/"
        + s.maxLatencyMs()
        + "\nReceived: "
        + s.received()
        + "\nSent: "
        + s.sent()
        + "\nConnections: "
        + s.connections()
        + "\nOutstanding: "
        + s.outstanding()
        + "\nZxid: 0x"
        + Long.toHexString(s.zxid())
        + "\nMode: "
        + s.mode()
        + "\nNode count: "
        + s.nodeCount()
        + "\n";
  }

  /** {@code cons}: one full line per connection, then an empty line. */
  public static String cons(List<ConnectionInfo> connections) {
    StringBuilder sb = new StringBuilder();
    for (ConnectionInfo c : connections) {
      sb.append(connectionLine(c, false)).append('\n');
    }
    return sb.append('\n').toString();
  }

  /**
   * One connection as ZooKeeper's {@code dumpConnectionInfo} prints it: {@code
   * /ip:port[ops](queued=..,recved=..,sent=..)}, and when not brief and a session exists {@code
   * ,sid=0x..,lop=..,est=..,to=..,lcxid=0x..,lzxid=0x..,lresp=..,llat=..,minlat=..,avglat=..,maxlat=..}
   * before the closing parenthesis.
   */
  public static String connectionLine(ConnectionInfo c, boolean brief) {
    StringBuilder sb = new StringBuilder(" ");
    sb.append(c.remote()).append('[').append(Integer.toHexString(c.interestOps())).append(']');
    sb.append("(queued=").append(c.queued());
    sb.append(",recved=").append(c.received());
    sb.append(",sent=").append(c.sent());
    if (!brief && c.sessionId() != 0) {
      sb.append(",sid=0x").append(Long.toHexString(c.sessionId()));
      sb.append(",lop=").append(c.lastOp());
      sb.append(",est=").append(c.establishedMs());
      sb.append(",to=").append(c.timeoutMs());
      if (c.lastCxid() >= 0) {
        sb.append(",lcxid=0x").append(Long.toHexString(c.lastCxid()));
      }
      sb.append(",lzxid=0x").append(Long.toHexString(c.lastZxid()));
      sb.append(",lresp=").append(c.lastResponseMs());
      sb.append(",llat=").append(c.lastLatencyMs());
      sb.append(",minlat=").append(c.minLatencyMs());
      sb.append(",avglat=").append(c.avgLatencyMs());
      sb.append(",maxlat=").append(c.maxLatencyMs());
    }
    return sb.append(')').toString();
  }

  /** {@code wchs}: {@code N connections watching M paths} and {@code Total watches:K}. */
  public static String wchs(int connections, int paths, int watches) {
    return connections
        + " connections watching "
        + paths
        + " paths\nTotal watches:"
        + watches
        + "\n";
  }

  /** {@code wchc}: per session {@code 0x<sid>} then a tab-indented line per path; then a blank. */
  public static String wchc(SortedMap<Long, ? extends Collection<String>> pathsBySession) {
    StringBuilder sb = new StringBuilder();
    pathsBySession.forEach(
        (sid, paths) -> {
          sb.append("0x").append(Long.toHexString(sid)).append('\n');
          paths.forEach(p -> sb.append('\t').append(p).append('\n'));
        });
    return sb.append('\n').toString();
  }

  /** {@code wchp}: per path, then a tab-indented {@code 0x<sid>} line per session; then a blank. */
  public static String wchp(SortedMap<String, ? extends Collection<Long>> sessionsByPath) {
    StringBuilder sb = new StringBuilder();
    sessionsByPath.forEach(
        (path, sids) -> {
          sb.append(path).append('\n');
          sids.forEach(sid -> sb.append("\t0x").append(Long.toHexString(sid)).append('\n'));
        });
    return sb.append('\n').toString();
  }

  /**
   * {@code dump}: the session expiry buckets, the ephemerals per session, and the (empty, as for
   * ZooKeeper's Netty transport) connections section.
   *
   * @param buckets expiry time (ms since the epoch) to session ids
   * @param sessionCount the number of sessions in the buckets
   * @param ephemerals session id to its ephemeral paths, sessions without any left out
   */
  public static String dump(
      SortedMap<Long, List<Long>> buckets,
      int sessionCount,
      SortedMap<Long, List<String>> ephemerals) {
    StringBuilder sb = new StringBuilder("SessionTracker dump:\n");
    sb.append("Session Sets (")
        .append(buckets.size())
        .append(")/(")
        .append(sessionCount)
        .append("):\n");
    buckets.forEach(
        (time, ids) -> {
          sb.append(ids.size()).append(" expire at ").append(new Date(time)).append(":\n");
          ids.forEach(id -> sb.append("\t0x").append(Long.toHexString(id)).append('\n'));
        });
    sb.append("ephemeral nodes dump:\n");
    sb.append("Sessions with Ephemerals (").append(ephemerals.size()).append("):\n");
    ephemerals.forEach(
        (sid, paths) -> {
          sb.append("0x").append(Long.toHexString(sid)).append(":\n");
          paths.forEach(p -> sb.append('\t').append(p).append('\n'));
        });
    return sb.append("Connections dump:\n").toString();
  }

  /** {@code envi}: {@code Environment:} then {@code key=value} lines. */
  public static String envi(List<Map.Entry<String, String>> entries) {
    StringBuilder sb = new StringBuilder("Environment:\n");
    entries.forEach(e -> sb.append(e.getKey()).append('=').append(e.getValue()).append('\n'));
    return sb.toString();
  }

  /** {@code mntr}: {@code zk_<key>\t<value>} lines in the given order. */
  public static String mntr(List<Map.Entry<String, Object>> metrics) {
    StringBuilder sb = new StringBuilder();
    metrics.forEach(
        e -> sb.append("zk_").append(e.getKey()).append('\t').append(e.getValue()).append('\n'));
    return sb.toString();
  }

  /** {@code dirs}: the sizes of the snapshot and log directories. */
  public static String dirs(long dataDirBytes, long dataLogDirBytes) {
    return "datadir_size: " + dataDirBytes + "\nlogdir_size: " + dataLogDirBytes + "\n";
  }
}
