package io.paddock.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Perms;
import io.paddock.store.model.Stat;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Apache ZooKeeper 3.9.3's own jute classes are the judge: for every record, the same random field
 * values must give identical bytes, our reader must decode ZooKeeper's bytes to equal values, and
 * ZooKeeper must decode our bytes back to the same bytes.
 */
class ZooKeeperRecordCrossCheckTest {
  private static final int ITERATIONS = 300;

  static Stream<ZkInterop.Pair> pairs() {
    return ZkInterop.PAIRS.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pairs")
  void sameBytesAsZooKeeperBothWays(ZkInterop.Pair pair) {
    Seeded.run(
        ITERATIONS,
        (random, i) -> {
          Record ours = new RandomRecords(random).next(pair.ours());
          byte[] ourBytes = ZkInterop.ours((JuteRecord) ours);
          org.apache.jute.Record zk = ZkInterop.toZk(ours, pair.zk());
          byte[] zkBytes = ZkInterop.serialize(zk);
          assertArrayEquals(zkBytes, ourBytes, () -> "bytes of " + ours + " vs " + zk);
          assertEquals(ours, ZkInterop.read(pair.ours(), zkBytes), "our decoding of ZK bytes");
          byte[] zkAgain = ZkInterop.serialize(ZkInterop.deserialize(pair.zk(), ourBytes));
          assertArrayEquals(ourBytes, zkAgain, () -> "ZK decoding of our bytes for " + ours);
        });
  }

  @Test
  void tableCoversEveryRequestAndResponseRecord() {
    Set<Class<?>> covered = new HashSet<>();
    for (ZkInterop.Pair pair : ZkInterop.PAIRS) {
      covered.add(pair.ours());
    }
    // Multi bodies have their own cross-check; empty bodies have no bytes to compare.
    Set<Class<?>> elsewhere =
        Set.of(MultiRequest.class, MultiResponse.class, EmptyRequest.class, EmptyResponse.class);
    List<Class<?>> missing = new ArrayList<>();
    for (Class<?> c :
        concat(Request.class.getPermittedSubclasses(), Response.class.getPermittedSubclasses())) {
      if (!covered.contains(c) && !elsewhere.contains(c)) {
        missing.add(c);
      }
    }
    assertTrue(missing.isEmpty(), "records without a ZooKeeper cross-check: " + missing);
    assertEquals(45, ZkInterop.PAIRS.size());
  }

  private static Class<?>[] concat(Class<?>[] a, Class<?>[] b) {
    Class<?>[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  @Test
  void supplementaryCharactersAreWrittenAsZooKeeperDoes() throws Exception {
    // ZooKeeper writes each UTF-16 char on its own (a surrogate pair becomes 6 bytes) in ustrings,
    // but deleteContainer's path is String.getBytes(UTF_8) (4 bytes).
    String path = "/emoji-\uD83D\uDE00-x";
    CreateRequest create = new CreateRequest(path, null, Acl.OPEN_ACL_UNSAFE, 0);
    byte[] zk =
        ZkInterop.serialize(
            new org.apache.zookeeper.proto.CreateRequest(
                path, null, ZkInterop.toZkAcls(Acl.OPEN_ACL_UNSAFE), 0));
    assertArrayEquals(zk, create.toBytes());
    // 11 chars: 9 one-byte chars plus two surrogates of 3 bytes each.
    assertEquals(path.length() + 4, readInt(zk, 0), "two 3-byte sequences for the pair");

    DeleteContainerRequest delete = new DeleteContainerRequest(path);
    byte[] zkDelete = ZkInterop.serialize(new org.apache.zookeeper.DeleteContainerRequest(path));
    assertArrayEquals(zkDelete, delete.toBytes());
    assertEquals(path.getBytes(StandardCharsets.UTF_8).length, readInt(zkDelete, 0));
    assertEquals(delete, ZkInterop.read(DeleteContainerRequest.class, zkDelete));
  }

  @Test
  void connectRecordsWithoutTheReadOnlyByteAreZooKeepersBytesMinusTheLast() {
    Seeded.run(
        100,
        (random, i) -> {
          RandomRecords values = new RandomRecords(random);
          ConnectRequest full = values.next(ConnectRequest.class);
          byte[] zk =
              ZkInterop.serialize(
                  ZkInterop.toZk(full, org.apache.zookeeper.proto.ConnectRequest.class));
          ConnectRequest old =
              new ConnectRequest(
                  full.protocolVersion(),
                  full.lastZxidSeen(),
                  full.timeoutMs(),
                  full.sessionId(),
                  full.passwd(),
                  full.readOnly(),
                  false);
          assertArrayEquals(Arrays.copyOf(zk, zk.length - 1), old.toBytes());
          ConnectRequest decoded =
              ZkInterop.read(ConnectRequest.class, Arrays.copyOf(zk, zk.length - 1));
          assertEquals(old, decoded);
          assertTrue(!decoded.readOnlyPresent() && !decoded.readOnly());

          ConnectResponse fullResponse = values.next(ConnectResponse.class);
          byte[] zkResponse =
              ZkInterop.serialize(
                  ZkInterop.toZk(fullResponse, org.apache.zookeeper.proto.ConnectResponse.class));
          byte[] cut = Arrays.copyOf(zkResponse, zkResponse.length - 1);
          ConnectResponse decodedResponse = ZkInterop.read(ConnectResponse.class, cut);
          assertTrue(!decodedResponse.readOnlyPresent());
          assertArrayEquals(cut, decodedResponse.toBytes());
        });
  }

  @Test
  void statAndAclMatchZooKeeper() {
    Stat stat = new Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    ExistsResponse ours = new ExistsResponse(stat);
    assertArrayEquals(
        ZkInterop.serialize(
            new org.apache.zookeeper.proto.ExistsResponse(ZkInterop.toZkStat(stat))),
        ours.toBytes());
    assertEquals(Stat.ENCODED_BYTES, ours.toBytes().length);
    GetAclResponse acl =
        new GetAclResponse(List.of(new Acl(Perms.READ, io.paddock.store.model.Id.AUTH)), stat);
    assertArrayEquals(
        ZkInterop.serialize(
            new org.apache.zookeeper.proto.GetACLResponse(
                List.of(
                    new org.apache.zookeeper.data.ACL(
                        org.apache.zookeeper.ZooDefs.Perms.READ,
                        org.apache.zookeeper.ZooDefs.Ids.AUTH_IDS)),
                ZkInterop.toZkStat(stat))),
        acl.toBytes());
  }

  private static int readInt(byte[] b, int at) {
    return ((b[at] & 0xff) << 24)
        | ((b[at + 1] & 0xff) << 16)
        | ((b[at + 2] & 0xff) << 8)
        | (b[at + 3] & 0xff);
  }
}
