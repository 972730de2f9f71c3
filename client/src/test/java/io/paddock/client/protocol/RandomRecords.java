package io.paddock.client.protocol;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.model.Stat;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Random values for protocol records, with plenty of edge cases: null and empty strings, buffers
 * and vectors, extreme ints and longs, non-ASCII strings (BMP only, so they survive a UTF-8 round
 * trip; supplementary characters are tested on their own).
 */
final class RandomRecords {
  private final Random random;

  RandomRecords(Random random) {
    this.random = random;
  }

  int nextInt() {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> random.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
      case 3 -> random.nextInt(200) - 100;
      default -> random.nextInt();
    };
  }

  long nextLong() {
    return switch (random.nextInt(6)) {
      case 0 -> 0;
      case 1 -> -1;
      case 2 -> random.nextBoolean() ? Long.MIN_VALUE : Long.MAX_VALUE;
      case 3 -> random.nextInt(200) - 100;
      default -> random.nextLong();
    };
  }

  boolean nextBool() {
    return random.nextBoolean();
  }

  /** A string: null, empty, a path, or random BMP characters (never a surrogate). */
  String nextString() {
    return switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> "";
      case 2 -> "/" + Integer.toString(random.nextInt(1000), 36) + "/n-" + random.nextInt(99);
      default -> randomChars(random.nextInt(24));
    };
  }

  /** A string that is never null. */
  String nextNonNullString() {
    String s = nextString();
    return s == null ? "" : s;
  }

  private String randomChars(int length) {
    StringBuilder sb = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c =
          switch (random.nextInt(4)) {
            case 0 -> (char) random.nextInt(0x80); // 1 byte, including U+0000
            case 1 -> (char) (0x80 + random.nextInt(0x800 - 0x80)); // 2 bytes
            case 2 -> (char) (0x800 + random.nextInt(0xd800 - 0x800)); // 3 bytes, below surrogates
            default -> (char) (0xe000 + random.nextInt(0x10000 - 0xe000)); // 3 bytes, above them
          };
      sb.append(c);
    }
    return sb.toString();
  }

  byte[] nextBuffer() {
    return switch (random.nextInt(6)) {
      case 0 -> null;
      case 1 -> new byte[0];
      default -> {
        byte[] b = new byte[random.nextInt(64)];
        random.nextBytes(b);
        yield b;
      }
    };
  }

  Stat nextStat() {
    return new Stat(
        nextLong(),
        nextLong(),
        nextLong(),
        nextLong(),
        nextInt(),
        nextInt(),
        nextInt(),
        nextLong(),
        nextInt(),
        nextInt(),
        nextLong());
  }

  List<Acl> nextAcls() {
    return nextList(() -> new Acl(nextInt(), new Id(nextNonNullString(), nextNonNullString())));
  }

  List<String> nextStrings() {
    return nextList(this::nextString);
  }

  List<ClientInfo> nextClientInfos() {
    return nextList(() -> new ClientInfo(nextString(), nextString()));
  }

  private <T> List<T> nextList(java.util.function.Supplier<T> element) {
    switch (random.nextInt(6)) {
      case 0:
        return null;
      case 1:
        return List.of();
      default:
        int n = random.nextInt(6);
        List<T> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(element.get());
        }
        return list;
    }
  }

  /** A random value for one record component, by its declared type. */
  Object nextValue(RecordComponent component) {
    Class<?> type = component.getType();
    if (type == int.class) {
      return nextInt();
    } else if (type == long.class) {
      return nextLong();
    } else if (type == boolean.class) {
      return nextBool();
    } else if (type == String.class) {
      return nextString();
    } else if (type == byte[].class) {
      return nextBuffer();
    } else if (type == Stat.class) {
      return nextStat();
    } else if (type == List.class) {
      Type element = ((ParameterizedType) component.getGenericType()).getActualTypeArguments()[0];
      if (element == Acl.class) {
        return nextAcls();
      } else if (element == String.class) {
        return nextStrings();
      } else if (element == ClientInfo.class) {
        return nextClientInfos();
      }
    }
    throw new IllegalArgumentException("no generator for " + component);
  }

  /**
   * A random instance of a protocol record, built through its canonical constructor. The readOnly
   * byte of the connect records is always present, and a deleteContainer path is never null (the
   * forms ZooKeeper can encode); other tests cover the rest.
   */
  <R extends Record> R next(Class<R> type) {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = nextValue(components[i]);
      if (components[i].getName().equals("readOnlyPresent")) {
        values[i] = true;
      }
    }
    if (type == DeleteContainerRequest.class && values[0] == null) {
      values[0] = "";
    }
    try {
      return type.getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(type + " " + Arrays.toString(values), e);
    }
  }
}
