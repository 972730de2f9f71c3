package io.paddock.recipes.queue;

import static io.paddock.recipes.queue.QueueTestSupport.STRINGS;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.queue.QueueTestSupport.Recorder;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Priority, delay and id queues, and the simple (ZooKeeper) queue. */
class OtherQueuesTest extends RecipeTestBase {
  private static final long SHORT_MS = 300;

  private <Q extends QueueBase> Q started(Q queue) {
    closeAfter(queue);
    queue.start();
    return queue;
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void lowerPriorityValuesComeFirstEvenWhenPutLate() throws Exception {
    PaddockFramework fw = newFramework();
    DistributedPriorityQueue<String> producer =
        started(QueueBuilder.builder(fw, null, STRINGS, "/oq/prio").buildPriorityQueue());
    producer.put("p5", 5);
    producer.put("p-3", -3);
    producer.put("p10", 10);
    producer.putMulti(List.of("p0a", "p0b"), 0);
    CountDownLatch firstTaken = new CountDownLatch(1);
    CountDownLatch goOn = new CountDownLatch(1);
    Recorder consumer =
        new Recorder(
            item -> {
              if (item.equals("p-3")) {
                firstTaken.countDown();
                goOn.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
              }
            });
    started(QueueBuilder.builder(fw, consumer, STRINGS, "/oq/prio").buildPriorityQueue());
    assertTrue(firstTaken.await(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    producer.put("late-min", Integer.MIN_VALUE); // put while the consumer is busy
    goOn.countDown();
    await().atMost(WAIT).until(() -> consumer.received.size() == 6);
    assertEquals(List.of("p-3", "late-min", "p0a", "p0b", "p5", "p10"), consumer.received);
  }

  @Test
  void delayedItemsComeInDueOrderAndNotBeforeTheirTime() throws Exception {
    PaddockFramework fw = newFramework();
    Map<String, Long> deliveredAtMs = new ConcurrentHashMap<>();
    Recorder consumer = new Recorder(item -> deliveredAtMs.put(item, System.currentTimeMillis()));
    DistributedDelayQueue<String> queue =
        started(QueueBuilder.builder(fw, consumer, STRINGS, "/oq/delay").buildDelayQueue());
    long now = System.currentTimeMillis();
    long farDue = now + 60_000;
    queue.put("far", farDue);
    queue.put("later", now + 900);
    queue.put("soon", now + 400);
    queue.put("now", now);
    await().atMost(WAIT).until(() -> consumer.received.size() == 3);
    assertEquals(List.of("now", "soon", "later"), consumer.received);
    assertTrue(deliveredAtMs.get("soon") >= now + 400, "not before its due time");
    assertTrue(deliveredAtMs.get("later") >= now + 900, "not before its due time");
    queue.put("late-but-early", System.currentTimeMillis());
    await().atMost(WAIT).until(() -> consumer.received.size() == 4);
    assertEquals("late-but-early", consumer.received.get(3), "the far item does not hold it up");
    assertEquals(1, queue.itemCount(), "the far item waits");
  }

  @Test
  void idQueueItemsCanBeRemovedById() throws Exception {
    PaddockFramework fw = newFramework();
    DistributedIdQueue<String> producer =
        started(QueueBuilder.builder(fw, null, STRINGS, "/oq/ids").buildIdQueue());
    producer.put("first", "a");
    producer.put("second", "b");
    producer.put("third", "c");
    producer.put("second-again", "b");
    assertEquals(List.of("a", "b", "c", "b"), producer.ids());
    assertEquals(2, producer.remove("b"));
    assertEquals(0, producer.remove("b"), "nothing left with that id");
    assertThrows(IllegalArgumentException.class, () -> producer.put("x", "bad|id"));
    Recorder consumer = new Recorder();
    started(QueueBuilder.builder(fw, consumer, STRINGS, "/oq/ids").buildIdQueue());
    await().atMost(WAIT).until(() -> consumer.received.size() == 2);
    assertEquals(List.of("first", "third"), consumer.received);
  }

  @Test
  void theSimpleQueueFollowsZooKeepersRecipe() throws Exception {
    PaddockFramework fw = newFramework();
    SimpleDistributedQueue queue = new SimpleDistributedQueue(fw, "/oq/simple");
    assertNull(queue.peek());
    assertNull(queue.poll());
    assertThrows(NoSuchElementException.class, queue::element);
    assertThrows(NoSuchElementException.class, queue::remove);
    assertTrue(queue.offer(bytes("1")));
    assertTrue(queue.offer(bytes("2")));
    assertTrue(queue.offer(bytes("3")));
    List<String> names = fw.getChildren().forPath("/oq/simple");
    assertTrue(names.stream().allMatch(n -> n.matches("qn-\\d{10}")), "ZooKeeper's names");
    assertArrayEquals(bytes("1"), queue.peek(), "peek does not remove");
    assertArrayEquals(bytes("1"), queue.element());
    assertArrayEquals(bytes("1"), queue.poll());
    assertArrayEquals(bytes("2"), queue.remove());
    assertArrayEquals(bytes("3"), queue.take());
    assertNull(queue.poll(SHORT_MS, TimeUnit.MILLISECONDS), "empty: the timed poll gives up");
    await().atMost(WAIT).until(() -> !hasWatch(fw, "/oq/simple", WatcherType.CHILDREN));
    await().atMost(WAIT).until(() -> fw.checkExists().forPath("/oq/simple") == null);
  }

  @Test
  void aTakeWaitsForAnOfferFromAnotherClient() throws Exception {
    SimpleDistributedQueue taker = new SimpleDistributedQueue(newFramework(), "/oq/take");
    SimpleDistributedQueue offerer = new SimpleDistributedQueue(newFramework(), "/oq/take");
    ExecutorService pool = Executors.newCachedThreadPool();
    closeAfter(pool::shutdownNow);
    Future<byte[]> taken = pool.submit(taker::take);
    Future<byte[]> second = pool.submit(() -> taker.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertThrows(
        java.util.concurrent.TimeoutException.class,
        () -> taken.get(SHORT_MS, TimeUnit.MILLISECONDS),
        "nothing to take yet");
    offerer.offer(bytes("x"));
    offerer.offer(bytes("y"));
    List<String> got =
        List.of(
            new String(taken.get(WAIT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8),
            new String(second.get(WAIT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8));
    assertEquals(2, got.stream().distinct().count(), "each item to one taker");
    assertTrue(got.containsAll(List.of("x", "y")));
  }
}
