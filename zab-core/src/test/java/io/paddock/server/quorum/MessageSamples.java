package io.paddock.server.quorum;

import io.paddock.server.zab.ZabMessage;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Instances of every record in the {@link ZabMessage} catalog, with seeded field values, found by
 * reflection over the sealed interface: a message kind added to the catalog is sampled without
 * changing this class (fields of type long, int, boolean, byte[], String, enums, lists and nested
 * records are filled).
 */
final class MessageSamples {
  private static final int LIST_ELEMENTS_MAX = 3;
  private static final int BYTES_MAX = 64;

  private MessageSamples() {}

  /** {@code perKind} samples of every message kind, from {@code seed}. */
  static List<ZabMessage> everyKind(long seed, int perKind) {
    Random random = new Random(seed);
    List<ZabMessage> samples = new ArrayList<>();
    for (Class<?> kind : ZabMessage.class.getPermittedSubclasses()) {
      if (!kind.isRecord()) {
        throw new IllegalStateException("cannot sample the non-record message kind " + kind);
      }
      for (int i = 0; i < perKind; i++) {
        samples.add((ZabMessage) record(kind, random));
      }
    }
    return samples;
  }

  private static Object record(Class<?> type, Random random) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      values[i] = value(components[i].getGenericType(), random);
    }
    try {
      Constructor<?> canonical = type.getDeclaredConstructor(types);
      canonical.setAccessible(true);
      return canonical.newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build a sample of " + type, e);
    }
  }

  private static Object value(Type type, Random random) {
    if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      List<Object> list = new ArrayList<>();
      int n = random.nextInt(LIST_ELEMENTS_MAX + 1);
      for (int i = 0; i < n; i++) {
        list.add(value(p.getActualTypeArguments()[0], random));
      }
      return list;
    }
    if (!(type instanceof Class<?> c)) {
      throw new IllegalStateException("no sample for type " + type);
    }
    if (c == long.class) {
      return (long) random.nextInt(1_000_000_000);
    } else if (c == int.class) {
      return random.nextInt(1_000_000);
    } else if (c == boolean.class) {
      return random.nextBoolean();
    } else if (c == byte[].class) {
      byte[] bytes = new byte[random.nextInt(BYTES_MAX + 1)];
      random.nextBytes(bytes);
      return bytes;
    } else if (c == String.class) {
      return "s" + random.nextInt(1000);
    } else if (c.isEnum()) {
      Object[] constants = c.getEnumConstants();
      return constants[random.nextInt(constants.length)];
    } else if (c.isRecord()) {
      return record(c, random);
    }
    throw new IllegalStateException("no sample for type " + type);
  }
}
