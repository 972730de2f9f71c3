package io.paddock.server.config;

import java.util.Locale;

/**
 * The role of an ensemble member, as zoo.cfg names it ({@code peerType} and the fourth field of
 * {@code server.N}). The ordinal is what ZooKeeper's {@code conf} word prints as {@code peerType}.
 */
public enum PeerRole {
  /** A voting member: takes part in elections and in the quorum of acks. */
  PARTICIPANT,
  /** A non-voting member: learns committed txns (INFORM) and serves reads. */
  OBSERVER;

  /** The zoo.cfg spelling, lower case. */
  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code participant} or {@code observer}, ignoring case and surrounding blanks as
   * ZooKeeper does.
   *
   * @throws ConfigException naming {@code key} when the value is neither
   */
  public static PeerRole parse(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    for (PeerRole role : values()) {
      if (role.configName().equals(v)) {
        return role;
      }
    }
    throw ConfigException.badValue(key, value, "is not participant or observer");
  }
}
