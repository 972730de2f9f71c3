package io.paddock.server.config;

/**
 * A setting that cannot be used: a value that does not parse, lies outside its bounds, or
 * contradicts another setting. The message always starts with the key (as written in zoo.cfg, or
 * the JVM system property it came from) so an operator can find the line to fix.
 *
 * <p>Unchecked on purpose: the parser's caller (the server main) has one place that turns it into a
 * start-up failure, and {@link ServerConfigBuilder#build()} is used from code, where a bad value is
 * a programming error. Catch it where start-up is decided, never deeper.
 */
public final class ConfigException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String key;

  /**
   * A failure of one key; {@code detail} says what is wrong. The message becomes {@code key:
   * detail} unless {@code detail} already starts with the key.
   */
  public ConfigException(String key, String detail) {
    super(detail.startsWith(key) ? detail : key + ": " + detail);
    this.key = key;
  }

  private ConfigException(String key, String message, Throwable cause) {
    super(message, cause);
    this.key = key;
  }

  /** A value that does not parse or is out of bounds: {@code key: "value" reason}. */
  public static ConfigException badValue(String key, String value, String reason) {
    return new ConfigException(key, '"' + value + "\" " + reason);
  }

  /** The key (or system property) this failure is about. */
  public String key() {
    return key;
  }

  /** The same failure with the config file it came from named in front of the message. */
  public ConfigException inSource(String source) {
    return new ConfigException(key, source + ": " + getMessage(), this);
  }
}
