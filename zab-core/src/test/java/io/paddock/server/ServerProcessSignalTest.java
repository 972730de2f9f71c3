package io.paddock.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/paddock server} as a process: SIGTERM stops it in order, and its data survives. */
class ServerProcessSignalTest {
  /** 128 + SIGTERM: how a JVM that ran its shutdown hooks reports a SIGTERM. */
  private static final int EXIT_ON_SIGTERM = 143;

  private static final long STOP_TIMEOUT_S = 30;

  @TempDir Path tmp;

  @Test
  void sigtermShutsDownInOrderAndASecondStartRecoversTheData() throws Exception {
    Path cfg = tmp.resolve("zoo.cfg");
    Files.write(
        cfg,
        List.of(
            "tickTime=500",
            "dataDir=" + tmp.resolve("data"),
            "clientPort=0",
            "clientPortAddress=127.0.0.1",
            "admin.enableServer=false"));
    try (ServerProcess first = ServerProcess.start(tmp.resolve("first.log"), cfg.toString())) {
      assertTrue(
          first.output().stream().anyMatch(l -> l.contains("admin.enableServer")),
          first.output().toString());
      ZooKeeper zk = ZooKeeperClientEndToEndTest.connect(first.connectString());
      try {
        zk.create(
            "/durable",
            "kept".getBytes(StandardCharsets.UTF_8),
            Ids.OPEN_ACL_UNSAFE,
            CreateMode.PERSISTENT);
      } finally {
        zk.close();
      }
      first.process.destroy(); // SIGTERM
      assertTrue(first.process.waitFor(STOP_TIMEOUT_S, TimeUnit.SECONDS), "still running");
      assertEquals(EXIT_ON_SIGTERM, first.process.exitValue(), first.output().toString());
      assertTrue(
          first.output().stream().anyMatch(l -> l.contains("Stopped")), first.output().toString());
    }
    try (ServerProcess second = ServerProcess.start(tmp.resolve("second.log"), cfg.toString())) {
      ZooKeeper zk = ZooKeeperClientEndToEndTest.connect(second.connectString());
      try {
        assertArrayEquals(
            "kept".getBytes(StandardCharsets.UTF_8), zk.getData("/durable", false, null));
      } finally {
        zk.close();
      }
    }
  }
}
