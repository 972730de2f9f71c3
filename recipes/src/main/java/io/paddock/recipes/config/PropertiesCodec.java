package io.paddock.recipes.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Properties in the properties text format, UTF-8, keys sorted and without the date comment, so
 * equal properties always encode to equal bytes (and an unchanged republish writes the same data).
 */
public final class PropertiesCodec implements ValueCodec<Properties> {
  private final StringCodec text = new StringCodec();

  @Override
  public byte[] encode(Properties value) {
    StringBuilder out = new StringBuilder();
    for (var e : new TreeMap<>(Objects.requireNonNull(value, "value")).entrySet()) {
      Properties one = new Properties();
      one.put(e.getKey(), e.getValue());
      StringWriter w = new StringWriter();
      try {
        one.store(w, null);
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      // store() writes a date comment first: keep only the entry line
      String[] lines = w.toString().split("\\R");
      out.append(lines[lines.length - 1]).append('\n');
    }
    return text.encode(out.toString());
  }

  @Override
  public Properties decode(byte[] data) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text.decode(data)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not properties", e);
    }
    return p;
  }
}
