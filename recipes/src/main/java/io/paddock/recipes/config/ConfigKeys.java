package io.paddock.recipes.config;

import io.paddock.store.model.ZnodePaths;
import java.util.Objects;

/** Key rules: a key is one node name below the base path. */
final class ConfigKeys {
  /** The longest key. */
  static final int KEY_LENGTH_MAX = 255;

  private ConfigKeys() {}

  static String check(String key) {
    Objects.requireNonNull(key, "key");
    if (key.isEmpty()
        || key.length() > KEY_LENGTH_MAX
        || key.contains("/")
        || ".".equals(key)
        || "..".equals(key)
        || !ZnodePaths.isValid("/" + key)) {
      throw new IllegalArgumentException("not a valid configuration key: '" + key + "'");
    }
    return key;
  }
}
