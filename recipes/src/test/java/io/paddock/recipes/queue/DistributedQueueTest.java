package io.paddock.recipes.queue;

import static io.paddock.recipes.queue.QueueTestSupport.STRINGS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.ConnectionState;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.queue.QueueTestSupport.Recorder;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/** DistributedQueue: order, no duplicates, at-least-once with redelivery, dead letters, bounds. */
class DistributedQueueTest extends RecipeTestBase {
  private static final long SHORT_MS = 300;

  private <Q extends QueueBase> Q started(Q queue) {
    closeAfter(queue);
    queue.start();
    return queue;
  }

  @Test
  void aSingleConsumerGetsSingleAndBatchedPutsInOrder() throws Exception {
    PaddockFramework fw = newFramework();
    Recorder consumer = new Recorder();
    DistributedQueue<String> queue =
        started(QueueBuilder.builder(fw, consumer, STRINGS, "/q/fifo").buildQueue());
    queue.put("a");
    queue.putMulti(List.of("b", "c", "d"));
    queue.put("e", WAIT.toMillis(), TimeUnit.MILLISECONDS);
    await().atMost(WAIT).until(() -> consumer.received.size() == 5);
    assertEquals(List.of("a", "b", "c", "d", "e"), consumer.received);
    queue.close();
    await().atMost(WAIT).until(() -> !hasWatch(fw, "/q/fifo", WatcherType.CHILDREN));
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/q/fifo") == null);
  }

  @Test
  void severalConsumersNeverShareAnItem() throws Exception {
    List<Recorder> consumers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Recorder consumer = new Recorder();
      consumers.add(consumer);
      started(QueueBuilder.builder(newFramework(), consumer, STRINGS, "/q/many").buildQueue());
    }
    DistributedQueue<String> producer =
        started(QueueBuilder.builder(newFramework(), null, STRINGS, "/q/many").buildQueue());
    List<String> items = IntStream.range(0, 30).mapToObj(i -> "item-" + i).toList();
    for (String item : items) {
      producer.put(item);
    }
    await()
        .atMost(WAIT)
        .until(() -> consumers.stream().mapToInt(c -> c.received.size()).sum() >= items.size());
    List<String> all = new ArrayList<>();
    consumers.forEach(c -> all.addAll(c.received));
    assertEquals(items.size(), all.size(), "every item exactly once");
    assertEquals(new HashSet<>(items), new HashSet<>(all));
  }

  @Test
  void anItemHeldByAConsumerWhoseSessionDiesIsRedeliveredAndItsLateAckIsVoid() throws Exception {
    PaddockFramework fwA = newFramework();
    List<ConnectionState> statesA = recordStates(fwA);
    CountDownLatch aHasIt = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    closeAfter(releaseA::countDown);
    CompletableFuture<Boolean> lateAck = new CompletableFuture<>();
    AcknowledgingConsumer<String> consumerA =
        new AcknowledgingConsumer<>() {
          @Override
          public void consume(Delivery<String> delivery) throws Exception {
            aHasIt.countDown();
            releaseA.await(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
            try {
              lateAck.complete(delivery.ack());
            } catch (Exception e) {
              lateAck.completeExceptionally(e);
              throw e;
            }
          }

          @Override
          public void stateChanged(PaddockFramework framework, ConnectionState newState) {}
        };
    started(
        QueueBuilder.acknowledgingBuilder(fwA, consumerA, STRINGS, "/q/safe")
            .lockPath("/q/safe-locks")
            .buildQueue());
    PaddockFramework fwB = newFramework();
    DistributedQueue<String> producer =
        started(QueueBuilder.builder(fwB, null, STRINGS, "/q/safe").buildQueue());
    producer.put("job");
    assertTrue(aHasIt.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));

    Recorder consumerB = new Recorder();
    started(
        QueueBuilder.builder(fwB, consumerB, STRINGS, "/q/safe")
            .lockPath("/q/safe-locks")
            .buildQueue());
    assertThrows(
        ConditionTimeoutException.class,
        () ->
            await()
                .atMost(SHORT_MS, TimeUnit.MILLISECONDS)
                .until(() -> !consumerB.received.isEmpty()),
        "the item is locked while A works on it");
    expireSession(fwA); // A dies as far as the service knows: its lock goes
    await().atMost(WAIT).until(() -> consumerB.received.equals(List.of("job")));
    await().atMost(WAIT).until(() -> fwB.checkExists().forPath("/q/safe") == null);
    await().atMost(WAIT).until(() -> statesA.contains(ConnectionState.RECONNECTED));
    releaseA.countDown(); // A finishes late: its ack is fenced off by the item's version
    assertFalse(lateAck.get(WAIT.toMillis(), TimeUnit.MILLISECONDS), "A learns it was too late");
    assertEquals(List.of("job"), consumerB.received, "B got it once");
  }

  @Test
  void explicitAcknowledgementSeesTheDeliveryCount() throws Exception {
    PaddockFramework fw = newFramework();
    List<Integer> counts = new CopyOnWriteArrayList<>();
    List<Boolean> acks = new CopyOnWriteArrayList<>();
    AcknowledgingConsumer<String> consumer =
        new AcknowledgingConsumer<>() {
          @Override
          public void consume(Delivery<String> delivery) throws Exception {
            counts.add(delivery.deliveryCount());
            switch (delivery.deliveryCount()) {
              case 1 -> assertTrue(delivery.nack());
              case 2 -> {} // returned unsettled: a nack
              default -> {
                acks.add(delivery.ack());
                try {
                  delivery.nack();
                  acks.add(true); // a second settlement must not pass: the test fails on it
                } catch (IllegalStateException settledOnce) {
                  // expected
                }
              }
            }
          }

          @Override
          public void stateChanged(PaddockFramework framework, ConnectionState newState) {}
        };
    DistributedQueue<String> queue =
        started(
            QueueBuilder.acknowledgingBuilder(fw, consumer, STRINGS, "/q/ack")
                .lockPath("/q/ack-locks")
                .buildQueue());
    queue.put("z");
    await().atMost(WAIT).until(() -> acks.size() == 1);
    assertEquals(List.of(1, 2, 3), counts);
    assertEquals(List.of(true), acks);
    await().atMost(WAIT).until(() -> queue.itemCount() == 0);
    assertEquals(List.of(true), acks, "a delivery settles once");
    assertThrows(
        IllegalStateException.class,
        () -> QueueBuilder.acknowledgingBuilder(fw, consumer, STRINGS, "/q/ack2").buildQueue(),
        "explicit acknowledgement needs a lock path");
  }

  @Test
  void anItemRejectedMaxDeliveriesTimesIsDeadLettered() throws Exception {
    PaddockFramework fw = newFramework();
    Recorder failing =
        new Recorder(
            item -> {
              throw new IllegalStateException("cannot process " + item);
            });
    started(
        QueueBuilder.builder(fw, failing, STRINGS, "/q/poison")
            .lockPath("/q/poison-locks")
            .maxDeliveries(3)
            .deadLetterPath("/q/poison-dead")
            .buildQueue());
    DistributedQueue<String> producer =
        started(QueueBuilder.builder(fw, null, STRINGS, "/q/poison").buildQueue());
    producer.put("bad");
    Recorder deadReader = new Recorder();
    started(QueueBuilder.builder(fw, deadReader, STRINGS, "/q/poison-dead").buildQueue());
    await().atMost(WAIT).until(() -> deadReader.received.equals(List.of("bad")));
    assertEquals(List.of("bad", "bad", "bad"), failing.received, "delivered maxDeliveries times");
    assertEquals(0, producer.itemCount());
  }

  @Test
  void aDeliveryCutByASessionExpiryCountsTowardsDeadLettering() throws Exception {
    PaddockFramework fwA = newFramework();
    CountDownLatch aHasIt = new CountDownLatch(1);
    CountDownLatch releaseA = new CountDownLatch(1);
    closeAfter(releaseA::countDown);
    Recorder stuck =
        new Recorder(
            item -> {
              aHasIt.countDown();
              releaseA.await(WAIT.toMillis() * 2, TimeUnit.MILLISECONDS);
              throw new IllegalStateException("too late anyway");
            });
    started(
        QueueBuilder.builder(fwA, stuck, STRINGS, "/q/crash")
            .lockPath("/q/crash-locks")
            .maxDeliveries(1)
            .deadLetterPath("/q/crash-dead")
            .buildQueue());
    PaddockFramework fwB = newFramework();
    DistributedQueue<String> producer =
        started(QueueBuilder.builder(fwB, null, STRINGS, "/q/crash").buildQueue());
    producer.put("once");
    assertTrue(aHasIt.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    Recorder other = new Recorder();
    started(
        QueueBuilder.builder(fwB, other, STRINGS, "/q/crash")
            .lockPath("/q/crash-locks")
            .maxDeliveries(1)
            .deadLetterPath("/q/crash-dead")
            .buildQueue());
    expireSession(fwA);
    Recorder deadReader = new Recorder();
    started(QueueBuilder.builder(fwB, deadReader, STRINGS, "/q/crash-dead").buildQueue());
    await().atMost(WAIT).until(() -> deadReader.received.equals(List.of("once")));
    assertTrue(other.received.isEmpty(), "its one delivery was used up by the dead consumer");
  }

  @Test
  void theDeleteErrorModeDropsARejectedItem() throws Exception {
    PaddockFramework fw = newFramework();
    Recorder failing =
        new Recorder(
            item -> {
              throw new IllegalStateException("no");
            });
    DistributedQueue<String> queue =
        started(
            QueueBuilder.builder(fw, failing, STRINGS, "/q/drop")
                .lockPath("/q/drop-locks")
                .errorMode(ErrorMode.DELETE)
                .buildQueue());
    queue.put("x");
    await().atMost(WAIT).until(() -> failing.received.size() == 1);
    await().atMost(WAIT).until(() -> queue.itemCount() == 0);
    assertEquals(1, failing.received.size(), "delivered once, then dropped");
  }

  @Test
  void aRequeuedItemIsRedeliveredUntilItSucceeds() throws Exception {
    PaddockFramework fw = newFramework();
    int[] calls = {0};
    Recorder flaky =
        new Recorder(
            item -> {
              if (++calls[0] < 3) {
                throw new IllegalStateException("not yet");
              }
            });
    DistributedQueue<String> queue =
        started(
            QueueBuilder.builder(fw, flaky, STRINGS, "/q/retry")
                .lockPath("/q/retry-locks")
                .buildQueue());
    queue.put("y");
    await().atMost(WAIT).until(() -> flaky.received.size() == 3);
    await().atMost(WAIT).until(() -> queue.itemCount() == 0);
    queue.close();
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/q/retry-locks") == null);
    assertFalse(hasWatch(fw, "/q/retry", WatcherType.CHILDREN));
  }

  @Test
  void aFullBoundedQueueHoldsPutsUntilThereIsRoom() throws Exception {
    PaddockFramework fw = newFramework();
    DistributedQueue<String> producer =
        started(QueueBuilder.builder(fw, null, STRINGS, "/q/bounded").maxItems(2).buildQueue());
    producer.put("1");
    producer.put("2");
    assertFalse(producer.put("3", SHORT_MS, TimeUnit.MILLISECONDS), "full: the put times out");
    assertEquals(2, producer.itemCount());
    Recorder consumer = new Recorder();
    started(QueueBuilder.builder(newFramework(), consumer, STRINGS, "/q/bounded").buildQueue());
    assertTrue(producer.put("3", WAIT.toMillis(), TimeUnit.MILLISECONDS));
    await().atMost(WAIT).until(() -> consumer.received.size() == 3);
    assertEquals(List.of("1", "2", "3"), consumer.received);
  }

  @Test
  void misconfigurationsAreRefused() throws Exception {
    PaddockFramework fw = newFramework();
    assertThrows(
        IllegalStateException.class,
        () -> QueueBuilder.builder(fw, null, STRINGS, "/q/x").maxDeliveries(2).buildQueue());
    assertThrows(
        IllegalArgumentException.class,
        () -> QueueBuilder.builder(fw, null, STRINGS, "/q/x").lockPath("/q/x/locks"));
    DistributedQueue<String> notStarted =
        QueueBuilder.builder(fw, null, STRINGS, "/q/x").buildQueue();
    assertThrows(IllegalStateException.class, () -> notStarted.put("z"));
  }
}
