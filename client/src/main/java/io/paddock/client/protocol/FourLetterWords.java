package io.paddock.client.protocol;

import java.util.Map;

/**
 * The four-letter words (PROTOCOL.md §11) as the big-endian int a server reads in place of the
 * first frame length of a connection that has not sent a ConnectRequest.
 *
 * <p>Every word is far above any valid frame length, so the two never collide. {@link #STMK} is
 * followed by an 8-byte trace mask. {@link #TELNET_CLOSE} is the telnet "interrupt process"
 * sequence that ZooKeeper also knows, under the name {@code "telnet close"}.
 */
public final class FourLetterWords {
  /** "ruok": answers {@code imok}. */
  public static final int RUOK = 0x72756f6b;

  /** "srvr": server details. */
  public static final int SRVR = 0x73727672;

  /** "stat": server details and connections. */
  public static final int STAT = 0x73746174;

  /** "conf": the configuration. */
  public static final int CONF = 0x636f6e66;

  /** "cons": connection details. */
  public static final int CONS = 0x636f6e73;

  /** "crst": resets connection statistics. */
  public static final int CRST = 0x63727374;

  /** "srst": resets server statistics. */
  public static final int SRST = 0x73727374;

  /** "dump": sessions and ephemerals. */
  public static final int DUMP = 0x64756d70;

  /** "envi": the environment. */
  public static final int ENVI = 0x656e7669;

  /** "mntr": metrics as {@code zk_key\tvalue} lines. */
  public static final int MNTR = 0x6d6e7472;

  /** "wchs": watch summary. */
  public static final int WCHS = 0x77636873;

  /** "wchc": watches by session. */
  public static final int WCHC = 0x77636863;

  /** "wchp": watches by path. */
  public static final int WCHP = 0x77636870;

  /** "isro": {@code rw} or {@code ro}. */
  public static final int ISRO = 0x6973726f;

  /** "gtmk": the trace mask. */
  public static final int GTMK = 0x67746d6b;

  /** "stmk": sets the trace mask; an 8-byte long follows the word. */
  public static final int STMK = 0x73746d6b;

  /** "dirs": data and log directory sizes. */
  public static final int DIRS = 0x64697273;

  /** "hash": txn digest history. */
  public static final int HASH = 0x68617368;

  /** The telnet close sequence {@code fff4fffd}, named {@code "telnet close"} by ZooKeeper. */
  public static final int TELNET_CLOSE = 0xfff4fffd;

  private static final Map<Integer, String> COMMANDS =
      Map.ofEntries(
          Map.entry(RUOK, "ruok"),
          Map.entry(SRVR, "srvr"),
          Map.entry(STAT, "stat"),
          Map.entry(CONF, "conf"),
          Map.entry(CONS, "cons"),
          Map.entry(CRST, "crst"),
          Map.entry(SRST, "srst"),
          Map.entry(DUMP, "dump"),
          Map.entry(ENVI, "envi"),
          Map.entry(MNTR, "mntr"),
          Map.entry(WCHS, "wchs"),
          Map.entry(WCHC, "wchc"),
          Map.entry(WCHP, "wchp"),
          Map.entry(ISRO, "isro"),
          Map.entry(GTMK, "gtmk"),
          Map.entry(STMK, "stmk"),
          Map.entry(DIRS, "dirs"),
          Map.entry(HASH, "hash"),
          Map.entry(TELNET_CLOSE, "telnet close"));

  private FourLetterWords() {}

  /**
   * The command named by the first four bytes of a connection, as ZooKeeper's {@code
   * FourLetterCommands.getCommandString}; null when they are not a four-letter word (then they are
   * a frame length).
   */
  public static String commandFor(int firstFourBytes) {
    return COMMANDS.get(firstFourBytes);
  }

  /** True when the int is a known four-letter word. */
  public static boolean isKnown(int firstFourBytes) {
    return COMMANDS.containsKey(firstFourBytes);
  }

  /**
   * The int a client sends for a four-letter word.
   *
   * @throws IllegalArgumentException unless {@code word} is four ASCII characters
   */
  public static int codeOf(String word) {
    if (word.length() != 4) {
      throw new IllegalArgumentException("not four letters: " + word);
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      char c = word.charAt(i);
      if (c > 0x7f) {
        throw new IllegalArgumentException("not ASCII: " + word);
      }
      code = (code << 8) | c;
    }
    return code;
  }
}
