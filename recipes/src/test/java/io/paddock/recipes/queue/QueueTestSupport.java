package io.paddock.recipes.queue;

import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Serializer and recording consumers shared by the queue tests. */
final class QueueTestSupport {
  private QueueTestSupport() {}

  /** Strings as UTF-8. */
  static final QueueSerializer<String> STRINGS =
      new QueueSerializer<>() {
        @Override
        public byte[] serialize(String item) {
          return item.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public String deserialize(byte[] bytes) {
          return new String(bytes, StandardCharsets.UTF_8);
        }
      };

  /** What a consumer does with one item. */
  @FunctionalInterface
  interface Handler {
    void handle(String item) throws Exception;
  }

  /** A consumer that records every item it is given, then runs a handler. */
  static final class Recorder implements QueueConsumer<String> {
    final List<String> received = new CopyOnWriteArrayList<>();
    private final Handler handler;

    Recorder() {
      this(item -> {});
    }

    Recorder(Handler handler) {
      this.handler = handler;
    }

    @Override
    public void consumeMessage(String message) throws Exception {
      received.add(message);
      handler.handle(message);
    }

    @Override
    public void stateChanged(PaddockFramework framework, ConnectionState newState) {}
  }
}
