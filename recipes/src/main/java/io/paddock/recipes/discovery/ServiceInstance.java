package io.paddock.recipes.discovery;

import io.paddock.store.model.ZnodePaths;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * One registered instance of a service.
 *
 * @param name the service's name (a valid node name)
 * @param id the instance's id, unique within the service (a valid node name)
 * @param address the host name or address clients connect to
 * @param port the port, 0–65535
 * @param metadata free key-value pairs (a payload); keys must not contain '=' or line breaks
 * @param registrationTimeMs when the instance was built, in epoch milliseconds
 */
public record ServiceInstance(
    String name,
    String id,
    String address,
    int port,
    Map<String, String> metadata,
    long registrationTimeMs) {

  /** The highest port number. */
  public static final int PORT_MAX = 65_535;

  /** Checks the fields and copies the metadata. */
  public ServiceInstance {
    checkName(name, "service name");
    checkName(id, "instance id");
    Objects.requireNonNull(address, "address");
    if (port < 0 || port > PORT_MAX) {
      throw new IllegalArgumentException("port out of range: " + port);
    }
    metadata = Map.copyOf(metadata);
  }

  /** A builder of an instance of service {@code name}, with a random id. */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** A copy with other metadata (for {@link ServiceDiscovery#updateService}). */
  public ServiceInstance withMetadata(Map<String, String> newMetadata) {
    return new ServiceInstance(name, id, address, port, newMetadata, registrationTimeMs);
  }

  static String checkName(String s, String what) {
    Objects.requireNonNull(s, what);
    if (s.isEmpty()
        || s.contains("/")
        || ".".equals(s)
        || "..".equals(s)
        || !ZnodePaths.isValid("/" + s)) {
      throw new IllegalArgumentException("not a valid " + what + ": '" + s + "'");
    }
    return s;
  }

  /** Configures a {@link ServiceInstance}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private String id = UUID.randomUUID().toString();
    private String address = "127.0.0.1";
    private int port;
    private final Map<String, String> metadata = new TreeMap<>();

    private Builder(String name) {
      this.name = name;
    }

    /** The id (default: a random UUID). */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /** The address (default 127.0.0.1). */
    public Builder address(String address) {
      this.address = address;
      return this;
    }

    /** The port (default 0). */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Adds a metadata pair. */
    public Builder metadata(String key, String value) {
      metadata.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
      return this;
    }

    /** The instance, stamped with the current time. */
    public ServiceInstance build() {
      return new ServiceInstance(name, id, address, port, metadata, System.currentTimeMillis());
    }
  }
}
