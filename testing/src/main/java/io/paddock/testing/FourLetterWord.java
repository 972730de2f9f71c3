package io.paddock.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends ZooKeeper's four-letter words ({@code ruok}, {@code srvr}, {@code wchc} …) to a Paddock or
 * ZooKeeper server, and reads watch listings: the base of watch-leak audits in tests. The server
 * must have the word whitelisted ({@link TestingServer} and {@link TestingCluster} enable all).
 */
public final class FourLetterWord {
  /** The longest answer read. */
  public static final int ANSWER_BYTES_MAX = 4 * 1024 * 1024;

  /** The default time to connect and to read the answer. */
  public static final Duration TIMEOUT_DEFAULT = Duration.ofSeconds(10);

  private static final int WORD_LENGTH = 4;

  private FourLetterWord() {}

  /**
   * Sends a word and returns the server's whole answer.
   *
   * @param hostPort {@code host:port} of one server
   * @param word a four-letter word such as {@code wchc}
   * @throws UncheckedIOException if the server cannot be reached or does not answer in time
   */
  public static String send(String hostPort, String word, Duration timeout) {
    if (word.length() != WORD_LENGTH) {
      throw new IllegalArgumentException("not a four-letter word: " + word);
    }
    int colon = hostPort.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("not host:port: " + hostPort);
    }
    String host = hostPort.substring(0, colon);
    int port = Integer.parseInt(hostPort.substring(colon + 1));
    int timeoutMs = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), timeoutMs);
      socket.setSoTimeout(timeoutMs);
      socket.getOutputStream().write(word.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return readAll(socket.getInputStream(), hostPort);
    } catch (IOException e) {
      throw new UncheckedIOException("'" + word + "' to " + hostPort + " failed", e);
    }
  }

  /** {@link #send(String, String, Duration)} with {@link #TIMEOUT_DEFAULT}. */
  public static String send(String hostPort, String word) {
    return send(hostPort, word, TIMEOUT_DEFAULT);
  }

  private static String readAll(InputStream in, String hostPort) throws IOException {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int n;
    while ((n = in.read(buffer)) >= 0) {
      answer.write(buffer, 0, n);
      if (answer.size() > ANSWER_BYTES_MAX) {
        throw new IOException("the answer of " + hostPort + " exceeds " + ANSWER_BYTES_MAX);
      }
    }
    return answer.toString(StandardCharsets.UTF_8);
  }

  /**
   * The watched paths per session, from {@code wchc} on every server of a connect string (a
   * session's watches live on the server it is connected to, so all are asked).
   *
   * @param connectString {@code host:port[,host:port…]}, without a chroot
   * @return session id → watched paths (server paths), sessions without watches absent
   */
  public static Map<Long, List<String>> watchesBySession(String connectString) {
    Map<Long, List<String>> watches = new LinkedHashMap<>();
    for (String hostPort : connectString.split(",")) {
      parseWchc(send(hostPort.trim(), "wchc"), watches);
    }
    Map<Long, List<String>> result = new LinkedHashMap<>();
    watches.forEach((sid, paths) -> result.put(sid, Collections.unmodifiableList(paths)));
    return Collections.unmodifiableMap(result);
  }

  /** The watched paths of one session on every server of a connect string (empty if none). */
  public static List<String> watchesOf(String connectString, long sessionId) {
    return watchesBySession(connectString).getOrDefault(sessionId, List.of());
  }

  /**
   * Parses a {@code wchc} answer ({@code 0x<session>} lines, each followed by tab-indented paths).
   */
  static void parseWchc(String answer, Map<Long, List<String>> into) {
    List<String> current = null;
    for (String line : answer.split("\n")) {
      if (line.contains("is not executed")) {
        throw new IllegalStateException("wchc is not whitelisted on the server: " + line);
      }
      if (line.startsWith("0x")) {
        long sid = Long.parseUnsignedLong(line.substring(2).trim(), 16);
        current = into.computeIfAbsent(sid, k -> new ArrayList<>());
      } else if (line.startsWith("\t") && current != null) {
        current.add(line.trim());
      }
    }
  }
}
