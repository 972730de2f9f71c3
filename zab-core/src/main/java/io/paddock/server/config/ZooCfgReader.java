package io.paddock.server.config;

import static io.paddock.server.config.ZooCfgKeys.*;

import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** One pass of {@link ZooCfgParser} over the trimmed entries of a zoo.cfg. */
final class ZooCfgReader {

  /** Applies one value to the pass (usually to its builder). */
  private interface Setter {
    void apply(ZooCfgReader r, String key, String value);
  }

  /** Which source wins when both zoo.cfg and a JVM system property give a setting. */
  private enum Precedence {
    /** ZooKeeper copies the zoo.cfg value over the property {@code zookeeper.<key>}. */
    FILE_FIRST,
    /** ZooKeeper reads only the JVM property; Paddock falls back to zoo.cfg. */
    JVM_FIRST
  }

  private record SystemBacked(String key, String property, Precedence precedence, Setter setter) {}

  /** Keys ZooKeeper reads straight from zoo.cfg. */
  private static final Map<String, Setter> DIRECT = directKeys();

  /** Keys that also come from system properties, in the order they must be applied. */
  private static final List<SystemBacked> SYSTEM_BACKED = systemBackedKeys();

  /** Ignored keys whose value changes what an operator would expect; the warning says how. */
  private static final Map<String, Predicate<String>> NOTABLE_IGNORED =
      ImmutableMap.<String, Predicate<String>>builder()
          .put("secureClientPort", v -> true)
          .put("sslQuorum", "true"::equalsIgnoreCase)
          .put("quorum.auth.enableSasl", "true"::equalsIgnoreCase)
          .put("sessionRequireClientSASLAuth", "true"::equalsIgnoreCase)
          .put("enforce.auth.enabled", "true"::equalsIgnoreCase)
          .put("skipACL", "yes"::equalsIgnoreCase)
          .put("standaloneEnabled", "false"::equalsIgnoreCase)
          .put("reconfigEnabled", "true"::equalsIgnoreCase)
          .put("localSessionsEnabled", "true"::equalsIgnoreCase)
          .buildOrThrow();

  private final Map<String, String> entries;
  private final Map<String, String> systemProperties;
  private final ServerConfigBuilder builder = ServerConfig.builder();
  private final List<String> ignored = new ArrayList<>();
  private final List<String> unknown = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, String> fromJvm = new HashMap<>();

  ZooCfgReader(Map<String, String> entries, Map<String, String> systemProperties) {
    this.entries = entries;
    this.systemProperties = systemProperties;
  }

  ParsedConfig read() {
    for (Map.Entry<String, String> e : entries.entrySet()) {
      readEntry(e.getKey(), e.getValue());
    }
    for (SystemBacked s : SYSTEM_BACKED) {
      readSystemBacked(s);
    }
    List<QuorumMember> members = new EnsembleReader(entries).members();
    builder.members(members);
    if (!members.isEmpty()) {
      readMyid();
    }
    ServerConfig config;
    try {
      config = builder.build();
    } catch (ConfigException e) {
      throw attribute(e);
    }
    warnAboutEnsemble(config);
    return new ParsedConfig(config, ignored, unknown, warnings);
  }

  private void readEntry(String key, String value) {
    Setter direct = DIRECT.get(key);
    if (direct != null) {
      direct.apply(this, key, value);
    } else if (key.startsWith(SERVER_PREFIX) || EnsembleReader.isEnsembleKey(key)) {
      return; // read by EnsembleReader
    } else if (!isSystemBacked(key)) {
      ignore(key, value);
    }
  }

  private void ignore(String key, String value) {
    ignored.add(key);
    if (!knownToZooKeeper(key)) {
      unknown.add(key);
    }
    Predicate<String> notable = NOTABLE_IGNORED.get(key);
    if (notable != null && notable.test(value)) {
      warnings.add(key + "=" + value + " has no effect in Paddock (not supported)");
    }
    if (key.equals("superDigest")) {
      warnings.add("superDigest is not a ZooKeeper key and is ignored; write " + SUPER_DIGEST);
    }
    String bare =
        key.startsWith(SYSTEM_PROPERTY_PREFIX)
            ? key.substring(SYSTEM_PROPERTY_PREFIX.length())
            : null;
    if (bare != null && (DIRECT.containsKey(bare) || isSystemBacked(bare))) {
      warnings.add(
          key + " is ignored: in zoo.cfg write " + bare + " (ZooKeeper adds the prefix itself)");
    }
  }

  private static boolean isSystemBacked(String key) {
    return SYSTEM_BACKED.stream().anyMatch(s -> s.key().equals(key));
  }

  private void readSystemBacked(SystemBacked s) {
    String fileValue = entries.get(s.key());
    String jvmValue = systemProperties.get(s.property());
    boolean useJvm =
        jvmValue != null && (fileValue == null || s.precedence() == Precedence.JVM_FIRST);
    if (useJvm) {
      if (fileValue != null) {
        warnings.add(
            s.key()
                + "="
                + fileValue
                + " in zoo.cfg is overridden by the JVM system property "
                + s.property()
                + "="
                + jvmValue.trim()
                + " (the one ZooKeeper reads)");
      }
      fromJvm.put(s.key(), s.property());
      s.setter().apply(this, s.property() + " (JVM system property)", jvmValue.trim());
    } else {
      s.setter().apply(this, s.key(), fileValue);
    }
  }

  private ConfigException attribute(ConfigException e) {
    String property = fromJvm.get(e.key());
    if (property == null) {
      return e;
    }
    return new ConfigException(
        e.key(), e.getMessage() + " (from the JVM system property " + property + ")");
  }

  private void readMyid() {
    if (builder.dataDir == null) {
      return; // build() reports the missing dataDir
    }
    Path file = builder.dataDir.resolve(ConfigLimits.MYID_FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return; // build() reports it when this server is a member of an ensemble
    }
    String text;
    try {
      if (Files.size(file) > ConfigLimits.MYID_FILE_BYTES_MAX) {
        throw new ConfigException(MYID, file + " is larger than a server id");
      }
      text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new ConfigException(MYID, "cannot read " + file + ": " + e);
    }
    String firstLine = text.lines().findFirst().orElse("").trim();
    try {
      builder.myid(Long.parseLong(firstLine));
    } catch (NumberFormatException e) {
      throw new ConfigException(
          MYID, file + " holds \"" + firstLine + "\", not a server id (a whole number)");
    }
  }

  private void warnAboutEnsemble(ServerConfig config) {
    long participants = config.members().stream().filter(QuorumMember::isParticipant).count();
    if (participants == 1) {
      warnings.add("only one server.N line: running standalone (as ZooKeeper does)");
    } else if (participants == 2) {
      warnings.add("two participants: no server failure will be tolerated; use at least 3");
    } else if (participants > 2 && participants % 2 == 0) {
      warnings.add(participants + " participants: an odd number tolerates as many failures");
    }
    String peerType = entries.get(PEER_TYPE);
    Optional<QuorumMember> self = config.self();
    if (peerType != null
        && self.isPresent()
        && PeerRole.parse(PEER_TYPE, peerType) != self.get().role()) {
      warnings.add(
          "peerType="
              + peerType
              + " but server."
              + self.get().id()
              + " says "
              + self.get().role().configName()
              + "; the server.N line wins (as in ZooKeeper)");
    }
  }

  private void whitelist(String key, String value) {
    FourLetterWords.Whitelist w = FourLetterWords.parse(value, builder.readOnlyModeEnabled);
    builder.fourLetterWordWhitelist(w.enabled());
    for (String name : w.unknownNames()) {
      warnings.add(key + ": \"" + name + "\" is not a four-letter word; ignored");
    }
  }

  private static InetAddress resolve(String key, String value) {
    if (value.isEmpty()) {
      throw new ConfigException(key, "is empty; give a host name or an IP address");
    }
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw ConfigException.badValue(key, value, "does not resolve to an address");
    }
  }

  private static void electionAlg(String key, String value) {
    int alg = Values.decimalInt(key, value);
    if (alg != ConfigLimits.SUPPORTED_ELECTION_ALG) {
      throw new ConfigException(
          key, alg + " is not supported; only 3 (fast leader election), as in ZooKeeper 3.9");
    }
  }

  private static Map<String, Setter> directKeys() {
    Map<String, Setter> m = new LinkedHashMap<>();
    m.put(TICK_TIME, (r, k, v) -> r.builder.tickTimeMs(Values.decimalInt(k, v)));
    m.put(DATA_DIR, (r, k, v) -> r.builder.dataDir(Values.path(k, v)));
    m.put(DATA_LOG_DIR, (r, k, v) -> r.builder.dataLogDir(Values.path(k, v)));
    m.put(CLIENT_PORT, (r, k, v) -> r.builder.clientPort(Values.decimalInt(k, v)));
    m.put(CLIENT_PORT_ADDRESS, (r, k, v) -> r.builder.clientPortAddress(resolve(k, v)));
    m.put(
        CLIENT_PORT_LISTEN_BACKLOG,
        (r, k, v) -> r.builder.clientPortListenBacklog(Values.decimalInt(k, v)));
    m.put(MAX_CLIENT_CNXNS, (r, k, v) -> r.builder.maxClientCnxns(Values.decimalInt(k, v)));
    m.put(MIN_SESSION_TIMEOUT, (r, k, v) -> r.builder.minSessionTimeoutMs(Values.decimalInt(k, v)));
    m.put(MAX_SESSION_TIMEOUT, (r, k, v) -> r.builder.maxSessionTimeoutMs(Values.decimalInt(k, v)));
    m.put(INIT_LIMIT, (r, k, v) -> r.builder.initLimitTicks(Values.decimalInt(k, v)));
    m.put(SYNC_LIMIT, (r, k, v) -> r.builder.syncLimitTicks(Values.decimalInt(k, v)));
    m.put(PEER_TYPE, (r, k, v) -> r.builder.peerType(PeerRole.parse(k, v)));
    m.put(ELECTION_ALG, (r, k, v) -> electionAlg(k, v));
    m.put(
        SNAP_RETAIN_COUNT,
        (r, k, v) -> r.builder.autopurgeSnapRetainCount(Values.decimalInt(k, v)));
    m.put(PURGE_INTERVAL, (r, k, v) -> r.builder.autopurgeIntervalHours(Values.decimalInt(k, v)));
    m.put(DYNAMIC_CONFIG_FILE, (r, k, v) -> {}); // read by EnsembleReader
    return ImmutableMap.copyOf(m);
  }

  private static List<SystemBacked> systemBackedKeys() {
    List<SystemBacked> l = new ArrayList<>();
    l.add(zk(SNAP_COUNT, (r, k, v) -> r.builder.snapCount(Values.decodedInt(k, v))));
    l.add(zk(PRE_ALLOC_SIZE, (r, k, v) -> r.builder.preAllocSizeKb(Values.decimalLong(k, v))));
    l.add(zk(FORCE_SYNC, (r, k, v) -> r.builder.forceSync(Values.yesNo(k, v))));
    l.add(
        zk(
            GLOBAL_OUTSTANDING_LIMIT,
            (r, k, v) -> r.builder.globalOutstandingLimit(Values.decodedInt(k, v))));
    l.add(
        zk(
            EXTENDED_TYPES_ENABLED,
            (r, k, v) -> r.builder.extendedTypesEnabled(Values.trueFalse(k, v))));
    l.add(zk(SUPER_DIGEST, (r, k, v) -> r.builder.superDigest(v)));
    l.add(
        zk(
            ELECTION_PORT_BIND_RETRY,
            (r, k, v) -> r.builder.electionPortBindRetry(Values.decodedInt(k, v))));
    l.add(jvm(JUTE_MAX_BUFFER, (r, k, v) -> r.builder.juteMaxBufferBytes(Values.decodedInt(k, v))));
    l.add(
        jvm(
            READ_ONLY_MODE_ENABLED,
            (r, k, v) -> r.builder.readOnlyModeEnabled(Values.trueFalse(k, v))));
    l.add(
        jvm(
            CONTAINER_CHECK_INTERVAL,
            (r, k, v) -> r.builder.containerCheckIntervalMs(Values.decodedInt(k, v))));
    l.add(
        jvm(
            CONTAINER_MAX_PER_MINUTE,
            (r, k, v) -> r.builder.containerMaxPerMinute(Values.decodedInt(k, v))));
    l.add(
        jvm(
            CONTAINER_MAX_NEVER_USED,
            (r, k, v) -> r.builder.containerMaxNeverUsedIntervalMs(Values.decodedLong(k, v))));
    // After readonlymode.enabled, which adds isro; applied even when absent (default list).
    l.add(zkAlways(FOUR_LETTER_WORD_WHITELIST, (r, k, v) -> r.whitelist(k, v)));
    return List.copyOf(l);
  }

  private static SystemBacked zk(String key, Setter setter) {
    return new SystemBacked(
        key, SYSTEM_PROPERTY_PREFIX + key, Precedence.FILE_FIRST, skipNull(setter));
  }

  private static SystemBacked zkAlways(String key, Setter setter) {
    return new SystemBacked(key, SYSTEM_PROPERTY_PREFIX + key, Precedence.FILE_FIRST, setter);
  }

  private static SystemBacked jvm(String key, Setter setter) {
    return new SystemBacked(key, key, Precedence.JVM_FIRST, skipNull(setter));
  }

  private static Setter skipNull(Setter setter) {
    return (r, k, v) -> {
      if (v != null) {
        setter.apply(r, k, v);
      }
    };
  }
}
