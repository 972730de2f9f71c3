package io.paddock.bench.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Asks a server a four-letter word over a raw socket, as {@code echo srvr | nc} would. */
public final class FourLetterProbe {
  /** Connect and read timeout of one probe. */
  static final int PROBE_TIMEOUT_MS = 2_000;

  /** Longest reply read. */
  static final int REPLY_BYTES_MAX = 64 * 1024;

  private FourLetterProbe() {}

  /** The reply to {@code word} from 127.0.0.1:{@code port}, or empty when there is none. */
  public static Optional<String> ask(int port, String word) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), PROBE_TIMEOUT_MS);
      socket.setSoTimeout(PROBE_TIMEOUT_MS);
      OutputStream out = socket.getOutputStream();
      out.write(word.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] reply = in.readNBytes(REPLY_BYTES_MAX);
      return Optional.of(new String(reply, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** True when the server at {@code port} answers {@code ruok} with {@code imok}. */
  public static boolean isOk(int port) {
    return ask(port, "ruok").map(r -> r.trim().equals("imok")).orElse(false);
  }

  /**
   * The {@code Mode:} of a {@code srvr} reply ({@code standalone}, {@code leader}, {@code
   * follower}…), or empty when the reply has none (a server not serving yet answers otherwise).
   */
  public static Optional<String> mode(String srvrReply) {
    for (String line : srvrReply.split("\n")) {
      if (line.startsWith("Mode:")) {
        return Optional.of(line.substring("Mode:".length()).trim());
      }
    }
    return Optional.empty();
  }

  /** The mode the server at {@code port} reports in {@code srvr}, if it answers with one. */
  public static Optional<String> mode(int port) {
    return ask(port, "srvr").flatMap(FourLetterProbe::mode);
  }
}
