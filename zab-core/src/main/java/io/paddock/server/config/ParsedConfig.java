package io.paddock.server.config;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed zoo.cfg: the configuration, plus what the server should tell the operator once at
 * start-up.
 *
 * @param config the validated configuration
 * @param ignoredKeys keys accepted but not used, sorted (includes {@code unknownKeys})
 * @param unknownKeys the ignored keys that Apache ZooKeeper 3.9 does not know either (likely typos)
 * @param warnings settings that were accepted but deserve a look (one message each)
 */
public record ParsedConfig(
    ServerConfig config,
    List<String> ignoredKeys,
    List<String> unknownKeys,
    List<String> warnings) {

  /** Copies the lists. */
  public ParsedConfig {
    Objects.requireNonNull(config, "config");
    ignoredKeys = ImmutableList.copyOf(ignoredKeys);
    unknownKeys = ImmutableList.copyOf(unknownKeys);
    warnings = ImmutableList.copyOf(warnings);
  }

  /**
   * The one log line that names every ignored key, or empty when there is none. Unknown keys are
   * named separately, since they are most likely typos.
   */
  public Optional<String> ignoredKeysLogLine() {
    if (ignoredKeys.isEmpty()) {
      return Optional.empty();
    }
    List<String> known = new ArrayList<>(ignoredKeys);
    known.removeAll(unknownKeys);
    StringBuilder sb = new StringBuilder("zoo.cfg keys accepted but not used by Paddock: ");
    if (!known.isEmpty()) {
      sb.append(String.join(", ", known));
    }
    if (!unknownKeys.isEmpty()) {
      sb.append(known.isEmpty() ? "" : "; ")
          .append("unknown to ZooKeeper 3.9 as well (typo?): ")
          .append(String.join(", ", unknownKeys));
    }
    return Optional.of(sb.toString());
  }
}
