package io.paddock.server.config;

import com.google.common.collect.ImmutableMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reads a zoo.cfg written for Apache ZooKeeper 3.9 into a {@link ServerConfig}.
 *
 * <p>The file is {@link Properties} syntax read as ISO-8859-1, as ZooKeeper reads it; keys and
 * values are trimmed. Every key Paddock uses is checked; keys it does not use (ZooKeeper's admin.*,
 * metricsProvider.*, ssl.*, and so on) and unknown keys are accepted and listed in {@link
 * ParsedConfig} so the server can name them once. A bad value throws {@link ConfigException} naming
 * the key.
 *
 * <p>System properties are read as ZooKeeper reads them. For keys ZooKeeper turns into {@code
 * zookeeper.<key>} properties (snapCount, preAllocSize, forceSync, globalOutstandingLimit,
 * 4lw.commands.whitelist, extendedTypesEnabled, DigestAuthenticationProvider.superDigest,
 * electionPortBindRetry) the zoo.cfg value wins and the property is the fallback. For ZooKeeper's
 * pure JVM properties (jute.maxbuffer, readonlymode.enabled, znode.container.*) the JVM property
 * wins; Paddock also takes them from zoo.cfg when the JVM property is absent, where ZooKeeper would
 * silently ignore them there.
 *
 * <p>Departures from ZooKeeper 3.9, all deliberate:
 *
 * <ul>
 *   <li>Without {@code 4lw.commands.whitelist}, srvr, ruok, mntr and isro answer (ZooKeeper: srvr
 *       only); unknown names in the list are dropped and reported.
 *   <li>Values ZooKeeper silently replaces or ignores are refused: snapCount below 2,
 *       autopurge.snapRetainCount below 3, negative counts and intervals, forceSync other than
 *       {@code yes}/{@code no}, booleans other than true/false, unparsable system properties.
 *   <li>Server ids must be 0..255 (254 with extendedTypesEnabled), as the ZooKeeper guide says; two
 *       members may not share a port on the same host, nor this server's client port its own quorum
 *       or election port.
 *   <li>Several addresses per member ({@code |}) and hierarchical quorums ({@code group.N}, {@code
 *       weight.N}) are refused rather than ignored, since ignoring them would change the quorum.
 *   <li>No TLS: a plain client port is required; secureClientPort, sslQuorum and the SASL keys are
 *       accepted, ignored, and warned about. standaloneEnabled is ignored: one server.N line runs
 *       standalone.
 *   <li>{@code superDigest} is not taken as an alias; ZooKeeper's key is {@code
 *       DigestAuthenticationProvider.superDigest} (a warning says so).
 * </ul>
 */
public final class ZooCfgParser {

  private final Map<String, String> systemProperties;

  /** A parser that reads this JVM's system properties (a snapshot taken now). */
  public ZooCfgParser() {
    this(snapshot(System.getProperties()));
  }

  /** A parser that sees the given system properties instead of the JVM's (for tests). */
  public ZooCfgParser(Map<String, String> systemProperties) {
    this.systemProperties = ImmutableMap.copyOf(systemProperties);
  }

  /**
   * Parses a zoo.cfg file, and the dynamic config file and {@code <dataDir>/myid} it points to.
   *
   * @throws ConfigException naming the file and the key at fault
   */
  public ParsedConfig parse(Path zooCfg) {
    String source = zooCfg.toString();
    Properties properties = load(zooCfg, source);
    try {
      return parse(properties);
    } catch (ConfigException e) {
      throw e.inSource(source);
    }
  }

  /**
   * Parses zoo.cfg entries already loaded (a dynamicConfigFile they name is still read, relative to
   * the working directory as in ZooKeeper).
   *
   * @throws ConfigException naming the key at fault
   */
  public ParsedConfig parse(Properties zooCfg) {
    Map<String, String> entries = new TreeMap<>();
    zooCfg.forEach((k, v) -> entries.put(k.toString().trim(), v.toString().trim()));
    return new ZooCfgReader(entries, systemProperties).read();
  }

  /**
   * The configuration of {@code bin/paddock server} without a zoo.cfg: client port 2181, the given
   * data directory, every other setting at its default or from system properties.
   */
  public ParsedConfig defaults(Path dataDir) {
    Properties p = new Properties();
    p.setProperty(ZooCfgKeys.DATA_DIR, dataDir.toString());
    p.setProperty(ZooCfgKeys.CLIENT_PORT, Integer.toString(ConfigLimits.DEFAULT_CLIENT_PORT));
    return parse(p);
  }

  /** Loads a properties file of bounded size; {@code key} names it in errors. */
  static Properties load(Path file, String key) {
    Objects.requireNonNull(file, "file");
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > ConfigLimits.CONFIG_FILE_BYTES_MAX) {
        throw new ConfigException(
            key, file + " is " + size + " bytes, more than " + ConfigLimits.CONFIG_FILE_BYTES_MAX);
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigException(key, "cannot read " + file + ": " + e);
    }
    Properties p = new Properties();
    try {
      p.load(new ByteArrayInputStream(bytes));
    } catch (IOException | IllegalArgumentException e) {
      // Properties.load refuses a malformed unicode escape with IllegalArgumentException.
      throw new ConfigException(key, file + " is not a properties file: " + e.getMessage());
    }
    return p;
  }

  private static Map<String, String> snapshot(Properties properties) {
    Map<String, String> copy = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      copy.put(name, properties.getProperty(name));
    }
    return copy;
  }
}
