package io.paddock.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 3-member ensemble of separate JVMs (the main {@code bin/paddock server zoo.cfg} runs), zoo.cfg
 * with ZooKeeper's sample settings (tickTime 2000, initLimit 10, syncLimit 5). Writers keep
 * creating nodes while the leader is killed with SIGKILL several times and restarted; every
 * acknowledged write must then be on every member. Prints the write-unavailability window of each
 * kill: from the kill to the first write acknowledged afterwards.
 */
class EnsembleProcessFailoverTest {
  private static final int MEMBERS = 3;
  private static final int KILLS = 3;
  private static final Duration WINDOW_LIMIT = Duration.ofSeconds(15);

  @TempDir Path dir;

  private final ServerProcess[] processes = new ServerProcess[MEMBERS + 1];
  private final int[] clientPorts = new int[MEMBERS + 1];

  @Test
  void everyAcknowledgedWriteSurvivesRepeatedLeaderKills() throws Exception {
    List<Integer> ports = freePorts(3 * MEMBERS);
    StringBuilder servers = new StringBuilder();
    for (int id = 1; id <= MEMBERS; id++) {
      clientPorts[id] = ports.get(3 * (id - 1));
      servers
          .append("server.")
          .append(id)
          .append("=127.0.0.1:")
          .append(ports.get(3 * (id - 1) + 1))
          .append(':')
          .append(ports.get(3 * (id - 1) + 2))
          .append('\n');
    }
    for (int id = 1; id <= MEMBERS; id++) {
      Path data = Files.createDirectories(dir.resolve("member-" + id));
      Files.writeString(data.resolve("myid"), id + "\n");
      Files.writeString(
          dir.resolve("zoo" + id + ".cfg"),
          "tickTime=2000\ninitLimit=10\nsyncLimit=5\n"
              + "dataDir="
              + data
              + "\nclientPort="
              + clientPorts[id]
              + "\nclientPortAddress=127.0.0.1\n"
              + servers);
    }
    try {
      for (int id = 1; id <= MEMBERS; id++) {
        start(id);
      }
      int leader = awaitLeader();
      Writers writers = new Writers();
      writers.start();
      try {
        writers.awaitProgress(50);
        List<Long> windowsMs = new ArrayList<>();
        for (int kill = 1; kill <= KILLS; kill++) {
          long before = writers.acked();
          long killedAtNanos = System.nanoTime();
          processes[leader].process.destroyForcibly(); // SIGKILL
          processes[leader].process.waitFor(10, TimeUnit.SECONDS);
          System.out.printf("killed leader %d at %d%n", leader, System.currentTimeMillis());
          long firstAfter = writers.awaitAckAfter(killedAtNanos, WINDOW_LIMIT);
          long windowMs = TimeUnit.NANOSECONDS.toMillis(firstAfter - killedAtNanos);
          windowsMs.add(windowMs);
          System.out.printf(
              "kill %d of leader %d: writes unavailable for %d ms (%d writes acknowledged before)%n",
              kill, leader, windowMs, before);
          start(leader);
          leader = awaitLeader();
          writers.awaitProgress(writers.acked() + 20);
        }
        Collections.sort(windowsMs);
        System.out.printf(
            "write unavailability after SIGKILL of the leader: median %d ms, max %d ms, all %s%n",
            windowsMs.get(windowsMs.size() / 2), windowsMs.get(windowsMs.size() - 1), windowsMs);
      } finally {
        writers.stop();
      }
      for (int id = 1; id <= MEMBERS; id++) {
        assertAllPresent(id, writers.ackedPaths());
      }
    } finally {
      for (ServerProcess p : processes) {
        if (p != null) {
          p.close();
        }
      }
    }
  }

  private void start(int id) throws IOException {
    processes[id] =
        ServerProcess.start(
            dir.resolve("member-" + id + "-" + System.nanoTime() + ".log"),
            dir.resolve("zoo" + id + ".cfg").toString());
  }

  /** Waits until one member says "Mode: leader" and the two others follow. */
  private int awaitLeader() {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              int leader = 0;
              int followers = 0;
              for (int id = 1; id <= MEMBERS; id++) {
                String mode = mode(id);
                if (mode.equals("leader")) {
                  leader = id;
                } else if (mode.equals("follower")) {
                  followers++;
                }
              }
              return followers == MEMBERS - 1 ? leader : 0;
            },
            l -> l > 0);
  }

  private String mode(int id) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", clientPorts[id]), 1000);
      s.setSoTimeout(2000);
      OutputStream out = s.getOutputStream();
      out.write("srvr".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = s.getInputStream();
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.startsWith("Mode: ")) {
          return line.substring(6).trim();
        }
      }
      return "";
    } catch (IOException e) {
      return "";
    }
  }

  private void assertAllPresent(int id, List<String> paths) throws Exception {
    ZooKeeper zk = connect("127.0.0.1:" + clientPorts[id]);
    try {
      CountDownLatch synced = new CountDownLatch(1);
      zk.sync("/w", (rc, p, ctx) -> synced.countDown(), null);
      assertTrue(synced.await(20, TimeUnit.SECONDS));
      List<String> missing = new ArrayList<>();
      for (String path : paths) {
        if (zk.exists(path, false) == null) {
          missing.add(path);
        }
      }
      assertEquals(List.of(), missing, "acknowledged writes missing on member " + id);
    } finally {
      zk.close();
    }
  }

  private static ZooKeeper connect(String connectString) throws Exception {
    CountDownLatch connected = new CountDownLatch(1);
    ZooKeeper zk =
        new ZooKeeper(
            connectString,
            10_000,
            e -> {
              if (e.getState() == Watcher.Event.KeeperState.SyncConnected) {
                connected.countDown();
              }
            });
    assertTrue(connected.await(30, TimeUnit.SECONDS), "connected to " + connectString);
    return zk;
  }

  private static List<Integer> freePorts(int count) throws IOException {
    List<ServerSocket> sockets = new ArrayList<>();
    List<Integer> ports = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        sockets.add(s);
        ports.add(s.getLocalPort());
      }
    } finally {
      for (ServerSocket s : sockets) {
        s.close();
      }
    }
    return ports;
  }

  /** One writer per member, each creating nodes in a loop and recording what was acknowledged. */
  private final class Writers {
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentSkipListSet<String> acked = new ConcurrentSkipListSet<>();

    /** The latest start time of a write that was acknowledged. */
    private final AtomicLong lastAckedStartNanos = new AtomicLong();

    private final Map<Long, Long> ackNanosByStart = new ConcurrentHashMap<>();
    private final Map<Integer, Thread> threads = new ConcurrentHashMap<>();
    private final List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());

    void start() throws Exception {
      ZooKeeper setup = connect("127.0.0.1:" + clientPorts[1] + ",127.0.0.1:" + clientPorts[2]);
      try {
        setup.create("/w", null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
      } finally {
        setup.close();
      }
      for (int id = 1; id <= MEMBERS; id++) {
        int member = id;
        Thread t = new Thread(() -> write(member), "writer-" + id);
        threads.put(id, t);
        t.start();
      }
    }

    private void write(int member) {
      String all = "127.0.0.1:" + clientPorts[member];
      long i = 0;
      while (running.get()) {
        ZooKeeper zk = null;
        try {
          zk = new ZooKeeper(all, 6_000, e -> {});
          while (running.get()) {
            String path = "/w/m" + member + "-" + (i++);
            long started = System.nanoTime();
            try {
              zk.create(path, null, ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
              acknowledged(path, started);
            } catch (KeeperException.NodeExistsException e) {
              acknowledged(path, started); // a retried create whose first attempt went through
            } catch (KeeperException.ConnectionLossException e) {
              // may or may not have happened: not counted; retry under a new name
            } catch (KeeperException.SessionExpiredException e) {
              break;
            }
          }
        } catch (InterruptedException e) {
          return;
        } catch (Exception e) {
          if (running.get() && !(e instanceof KeeperException)) {
            failures.add(e);
          }
        } finally {
          if (zk != null) {
            try {
              zk.close(1000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        }
      }
    }

    private void acknowledged(String path, long startedNanos) {
      acked.add(path);
      ackNanosByStart.put(startedNanos, System.nanoTime());
      lastAckedStartNanos.accumulateAndGet(startedNanos, Math::max);
    }

    long acked() {
      return acked.size();
    }

    List<String> ackedPaths() {
      return new ArrayList<>(acked);
    }

    void awaitProgress(long count) {
      await().atMost(Duration.ofSeconds(60)).until(() -> acked.size() >= count);
    }

    /** When the first write that started after {@code nanos} was acknowledged. */
    long awaitAckAfter(long nanos, Duration limit) {
      await()
          .atMost(limit)
          .pollInterval(Duration.ofMillis(5))
          .until(lastAckedStartNanos::get, t -> t > nanos);
      return ackNanosByStart.entrySet().stream()
          .filter(e -> e.getKey() > nanos)
          .mapToLong(Map.Entry::getValue)
          .min()
          .orElseThrow();
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread t : threads.values()) {
        t.join(20_000);
      }
      assertEquals(List.of(), failures);
    }
  }
}
