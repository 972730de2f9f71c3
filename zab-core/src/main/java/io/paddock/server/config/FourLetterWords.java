package io.paddock.server.config;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The four-letter words and the {@code 4lw.commands.whitelist} syntax of ZooKeeper 3.9.
 *
 * <p>Parsing follows ZooKeeper's {@code FourLetterCommands.isEnabled}: the value is split at
 * commas, each name is trimmed, empty names are skipped, {@code *} enables every word, names are
 * case-sensitive, {@code srvr} is always enabled (zkServer.sh needs it) and {@code isro} is enabled
 * when {@code readonlymode.enabled} is true.
 *
 * <p>Departures: when the key is absent, Paddock enables {@link #PADDOCK_DEFAULT} (srvr, ruok,
 * mntr, isro) where ZooKeeper enables only srvr, because operators expect {@code echo ruok | nc}
 * and monitoring to work; words that list clients or sessions (cons, dump, wchc, wchp) stay off
 * until whitelisted. An unknown name is dropped and reported, where ZooKeeper keeps it silently (it
 * can never match a command).
 */
public final class FourLetterWords {

  /** Every word ZooKeeper 3.9 knows ("telnet close" aside); {@code *} enables all of them. */
  public static final Set<String> ALL =
      ImmutableSortedSet.of(
          "conf", "cons", "crst", "dirs", "dump", "envi", "gtmk", "hash", "isro", "mntr", "ruok",
          "srst", "srvr", "stat", "stmk", "wchc", "wchp", "wchs");

  /** Enabled when {@code 4lw.commands.whitelist} is absent (ZooKeeper: srvr only). */
  public static final Set<String> PADDOCK_DEFAULT =
      ImmutableSortedSet.of("isro", "mntr", "ruok", "srvr");

  /** Always enabled, whatever the whitelist says (ZooKeeper's rule). */
  public static final String ALWAYS_ENABLED = "srvr";

  /** Enabled in addition when read-only mode is on (ZooKeeper's rule). */
  public static final String READ_ONLY_WORD = "isro";

  /** Every name in the whitelist that means "all words". */
  public static final String WILDCARD = "*";

  /**
   * The outcome of parsing a whitelist.
   *
   * @param enabled the words that answer, sorted
   * @param unknownNames names that are not four-letter words, in the order written
   */
  public record Whitelist(Set<String> enabled, List<String> unknownNames) {
    /** Copies both collections. */
    public Whitelist {
      enabled = ImmutableSortedSet.copyOf(enabled);
      unknownNames = ImmutableList.copyOf(unknownNames);
    }
  }

  private FourLetterWords() {}

  /**
   * Parses a {@code 4lw.commands.whitelist} value.
   *
   * @param value the value, or null when the key is absent (then {@link #PADDOCK_DEFAULT} applies)
   * @param readOnlyModeEnabled whether {@code readonlymode.enabled} is true
   */
  public static Whitelist parse(String value, boolean readOnlyModeEnabled) {
    Set<String> enabled = new TreeSet<>();
    List<String> unknown = new ArrayList<>();
    if (value == null) {
      enabled.addAll(PADDOCK_DEFAULT);
    } else {
      for (String part : value.split(",", -1)) {
        String name = part.trim();
        if (name.equals(WILDCARD)) {
          enabled.addAll(ALL);
        } else if (ALL.contains(name)) {
          enabled.add(name);
        } else if (!name.isEmpty()) {
          unknown.add(name);
        }
      }
    }
    if (readOnlyModeEnabled) {
      enabled.add(READ_ONLY_WORD);
    }
    enabled.add(ALWAYS_ENABLED);
    return new Whitelist(enabled, unknown);
  }
}
