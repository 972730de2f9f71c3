package io.paddock.recipes.discovery;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The node data of an instance: a properties text in UTF-8 (readable with any ZooKeeper shell),
 * metadata keys prefixed with {@code meta.}.
 */
final class InstanceCodec {
  private static final String META = "meta.";

  private InstanceCodec() {}

  static byte[] encode(ServiceInstance i) {
    Properties p = new Properties();
    p.setProperty("name", i.name());
    p.setProperty("id", i.id());
    p.setProperty("address", i.address());
    p.setProperty("port", Integer.toString(i.port()));
    p.setProperty("registrationTimeMs", Long.toString(i.registrationTimeMs()));
    i.metadata().forEach((k, v) -> p.setProperty(META + k, v));
    StringWriter out = new StringWriter();
    try {
      p.store(out, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Decodes an instance.
   *
   * @throws IllegalArgumentException when the data is not an instance
   */
  static ServiceInstance decode(byte[] data) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(new String(data, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> meta = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith(META)) {
        meta.put(key.substring(META.length()), p.getProperty(key));
      }
    }
    try {
      return new ServiceInstance(
          p.getProperty("name"),
          p.getProperty("id"),
          p.getProperty("address"),
          Integer.parseInt(p.getProperty("port")),
          meta,
          Long.parseLong(p.getProperty("registrationTimeMs")));
    } catch (NullPointerException | NumberFormatException e) {
      throw new IllegalArgumentException("not a service instance", e);
    }
  }
}
