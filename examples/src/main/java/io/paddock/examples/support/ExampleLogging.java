package io.paddock.examples.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.CodeSource;
import java.util.Enumeration;

/**
 * Makes the examples' own quiet {@code logback.xml} the logging configuration, even when another
 * module's {@code logback.xml} comes first on the class path (the launcher puts the server's, which
 * logs at INFO, ahead of it). Call it first thing in {@code main}, before any logger exists.
 */
public final class ExampleLogging {
  /** The system property logback reads its configuration file from. */
  static final String CONFIG_PROPERTY = "logback.configurationFile";

  private static final String CONFIG_RESOURCE = "logback.xml";

  private ExampleLogging() {}

  /** Points logback at the examples' configuration unless the caller chose one already. */
  public static void useQuietConfiguration() {
    if (System.getProperty(CONFIG_PROPERTY) != null) {
      return;
    }
    URL ours = examplesConfiguration();
    if (ours != null) {
      System.setProperty(CONFIG_PROPERTY, ours.toString());
    }
  }

  /** The {@code logback.xml} that sits next to these classes, or null if there is none. */
  private static URL examplesConfiguration() {
    CodeSource source = ExampleLogging.class.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return null;
    }
    String home = source.getLocation().toString();
    try {
      Enumeration<URL> candidates =
          ExampleLogging.class.getClassLoader().getResources(CONFIG_RESOURCE);
      while (candidates.hasMoreElements()) {
        URL candidate = candidates.nextElement();
        if (candidate.toString().contains(home)) {
          return candidate;
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the logging configurations", e);
    }
  }
}
