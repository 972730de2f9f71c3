package io.paddock.server.core.fourletter;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The entries of {@code envi}, in ZooKeeper's order ({@code Environment.list()}). */
public final class Environment {
  private static final long BYTES_PER_MB = 1024L * 1024L;
  private static final String NOT_AVAILABLE = "<NA>";

  private Environment() {}

  /**
   * This host's canonical name, as ZooKeeper prints it; looked up once at start-up, because a
   * lookup may block and must not run on the state thread.
   */
  public static String lookUpHostName() {
    try {
      return InetAddress.getLocalHost().getCanonicalHostName();
    } catch (UnknownHostException e) {
      return NOT_AVAILABLE;
    }
  }

  /** The entries, the version and host name given, the rest read from the JVM now. */
  public static List<Map.Entry<String, String>> list(String version, String hostName) {
    List<Map.Entry<String, String>> out = new ArrayList<>();
    out.add(entry("zookeeper.version", version));
    out.add(entry("host.name", hostName));
    for (String key :
        List.of(
            "java.version",
            "java.vendor",
            "java.home",
            "java.class.path",
            "java.library.path",
            "java.io.tmpdir")) {
      out.add(entry(key, System.getProperty(key)));
    }
    out.add(entry("java.compiler", System.getProperty("java.compiler", NOT_AVAILABLE)));
    for (String key :
        List.of("os.name", "os.arch", "os.version", "user.name", "user.home", "user.dir")) {
      out.add(entry(key, System.getProperty(key)));
    }
    Runtime rt = Runtime.getRuntime();
    out.add(entry("os.memory.free", rt.freeMemory() / BYTES_PER_MB + "MB"));
    out.add(entry("os.memory.max", rt.maxMemory() / BYTES_PER_MB + "MB"));
    out.add(entry("os.memory.total", rt.totalMemory() / BYTES_PER_MB + "MB"));
    return out;
  }

  private static Map.Entry<String, String> entry(String key, String value) {
    return new SimpleImmutableEntry<>(key, String.valueOf(value));
  }
}
