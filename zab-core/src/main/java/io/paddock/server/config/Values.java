package io.paddock.server.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Parsing of single zoo.cfg values, with ZooKeeper's number syntaxes: keys that ZooKeeper reads
 * with {@code Integer.parseInt} take decimal only; keys it reads through {@code Integer.getInteger}
 * (system properties) also take {@code 0x} hex and leading-zero octal, as {@link Integer#decode}
 * does. Where ZooKeeper silently falls back to a default on a bad value, Paddock refuses it.
 */
final class Values {

  private Values() {}

  /** A decimal int ({@code Integer.parseInt}). */
  static int decimalInt(String key, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw notANumber(key, value, "[-+]?\\d+");
    }
  }

  /** A decimal long ({@code Long.parseLong}). */
  static long decimalLong(String key, String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw notANumber(key, value, "[-+]?\\d+");
    }
  }

  /** An int in {@link Integer#decode} syntax, as {@code Integer.getInteger} reads it. */
  static int decodedInt(String key, String value) {
    try {
      return Integer.decode(value);
    } catch (NumberFormatException e) {
      throw notANumber(key, value, "[-+]?(0[xX]|#)?[0-9a-fA-F]+");
    }
  }

  /** A long in {@link Long#decode} syntax, as {@code Long.getLong} reads it. */
  static long decodedLong(String key, String value) {
    try {
      return Long.decode(value);
    } catch (NumberFormatException e) {
      throw notANumber(key, value, "[-+]?(0[xX]|#)?[0-9a-fA-F]+");
    }
  }

  private static ConfigException notANumber(String key, String value, String digits) {
    if (value.matches(digits)) {
      return ConfigException.badValue(key, value, "is too large");
    }
    return ConfigException.badValue(key, value, "is not a whole number");
  }

  /**
   * {@code true} or {@code false}, any case (ZooKeeper's {@code parseBoolean} and {@code
   * Boolean.getBoolean}); anything else is refused, where {@code Boolean.getBoolean} reads false.
   */
  static boolean trueFalse(String key, String value) {
    String v = value.toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw ConfigException.badValue(key, value, "is not true or false");
  }

  /**
   * {@code yes} or {@code no}, exactly (forceSync). ZooKeeper reads anything but {@code no} as yes;
   * Paddock refuses other spellings so that {@code NO} cannot silently mean "fsync on".
   */
  static boolean yesNo(String key, String value) {
    if (value.equals("yes")) {
      return true;
    }
    if (value.equals("no")) {
      return false;
    }
    throw ConfigException.badValue(key, value, "is not yes or no");
  }

  /** A directory path; relative paths stay relative to the working directory, as in ZooKeeper. */
  static Path path(String key, String value) {
    if (value.isEmpty()) {
      throw new ConfigException(key, "is empty; a directory is required");
    }
    try {
      return Path.of(value);
    } catch (InvalidPathException e) {
      throw ConfigException.badValue(key, value, "is not a path: " + e.getReason());
    }
  }
}
