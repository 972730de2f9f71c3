package io.paddock.server.config;

import static io.paddock.server.config.ZooCfgKeys.DYNAMIC_CONFIG_FILE;
import static io.paddock.server.config.ZooCfgKeys.SERVER_PREFIX;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads the ensemble: the {@code server.N} lines of zoo.cfg, or of the file named by {@code
 * dynamicConfigFile} (then zoo.cfg must not hold any, as in ZooKeeper). Hierarchical quorums
 * ({@code group.N}, {@code weight.N}) are refused rather than ignored, because ignoring them would
 * change what a quorum is.
 */
final class EnsembleReader {

  /** The key of the membership version in a dynamic config file. */
  static final String VERSION_KEY = "version";

  private final Map<String, String> entries;

  EnsembleReader(Map<String, String> entries) {
    this.entries = entries;
  }

  /** True for the keys of hierarchical quorums. */
  static boolean isEnsembleKey(String key) {
    return key.startsWith("group.") || key.startsWith("weight.");
  }

  List<QuorumMember> members() {
    String dynamicFile = entries.get(DYNAMIC_CONFIG_FILE);
    if (dynamicFile == null) {
      return parseLines(entries, false);
    }
    for (String key : entries.keySet()) {
      if (key.startsWith(SERVER_PREFIX) || isEnsembleKey(key)) {
        throw new ConfigException(
            key,
            "must be in the dynamic config file " + dynamicFile + " when dynamicConfigFile is set");
      }
    }
    Properties dynamic =
        ZooCfgParser.load(Values.path(DYNAMIC_CONFIG_FILE, dynamicFile), DYNAMIC_CONFIG_FILE);
    Map<String, String> dynamicEntries = new TreeMap<>();
    dynamic.forEach((k, v) -> dynamicEntries.put(k.toString().trim(), v.toString().trim()));
    try {
      return parseLines(dynamicEntries, true);
    } catch (ConfigException e) {
      throw e.inSource(dynamicFile);
    }
  }

  private static List<QuorumMember> parseLines(Map<String, String> lines, boolean dynamic) {
    List<QuorumMember> members = new ArrayList<>();
    Map<Long, String> keyOfId = new HashMap<>();
    for (Map.Entry<String, String> e : lines.entrySet()) {
      String key = e.getKey();
      if (isEnsembleKey(key)) {
        throw new ConfigException(
            key, "hierarchical quorums (group.N, weight.N) are not supported; use server.N only");
      }
      if (!key.startsWith(SERVER_PREFIX)) {
        if (dynamic && !key.equals(VERSION_KEY)) {
          throw new ConfigException(key, "is not allowed in a dynamic config file (server.N only)");
        }
        continue;
      }
      QuorumMember member = ServerLineParser.parse(key, e.getValue());
      String previous = keyOfId.putIfAbsent(member.id(), key);
      if (previous != null) {
        throw new ConfigException(
            key, "server id " + member.id() + " is already given by " + previous);
      }
      members.add(member);
    }
    return members;
  }
}
