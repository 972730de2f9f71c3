package io.paddock.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.zookeeper.CreateOptions;
import org.apache.zookeeper.MultiOperationRecord;
import org.apache.zookeeper.Op;
import org.apache.zookeeper.OpResult;
import org.junit.jupiter.api.Test;

/**
 * Multi bodies against ZooKeeper's {@code MultiOperationRecord} and {@code MultiResponse}: same ops
 * or results, same bytes, and each side decodes the other's bytes.
 */
class ZooKeeperMultiCrossCheckTest {
  private static final int ITERATIONS = 300;

  /** Our op and ZooKeeper's, built from the same values. */
  private record OpPair(MultiOp ours, Op zk) {}

  /** Our result and ZooKeeper's, built from the same values. */
  private record ResultPair(MultiResult ours, OpResult zk) {}

  @Test
  void writeMultiMatchesMultiOperationRecord() {
    Seeded.run(ITERATIONS, (random, i) -> checkRequest(random, false));
  }

  @Test
  void multiReadMatchesMultiOperationRecord() {
    Seeded.run(ITERATIONS, (random, i) -> checkRequest(random, true));
  }

  private static void checkRequest(Random random, boolean reads) throws Exception {
    RandomRecords values = new RandomRecords(random);
    int count = random.nextInt(8);
    List<MultiOp> ours = new ArrayList<>();
    List<Op> zk = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      OpPair pair = reads ? readOp(values, random) : writeOp(values, random);
      ours.add(pair.ours());
      zk.add(pair.zk());
    }
    MultiRequest request = new MultiRequest(ours);
    byte[] ourBytes = request.toBytes();
    byte[] zkBytes = ZkInterop.serialize(new MultiOperationRecord(zk));
    assertArrayEquals(zkBytes, ourBytes, () -> "bytes of " + request);
    assertEquals(request, MultiRequest.read(new JuteReader(zkBytes)));
    assertEquals(
        request,
        RequestCodec.decode(reads ? OpCode.MULTI_READ : OpCode.MULTI, new JuteReader(zkBytes)));
    byte[] zkAgain =
        ZkInterop.serialize(ZkInterop.deserialize(MultiOperationRecord.class, ourBytes));
    assertArrayEquals(ourBytes, zkAgain, () -> "ZK decoding of " + request);
  }

  private static OpPair writeOp(RandomRecords v, Random random) throws Exception {
    String path = v.nextString();
    byte[] data = v.nextBuffer();
    List<Acl> acl = v.nextAcls();
    // ZooKeeper 3.9.3's decoder refuses a null ACL in create, create2 and createContainer ops.
    List<Acl> createAcl = acl == null ? List.of() : acl;
    int version = v.nextInt();
    switch (random.nextInt(7)) {
      case 0 -> {
        int flags = random.nextInt(4); // 4 would make Op.create a container op, 5/6 a TTL op
        return new OpPair(
            MultiOp.create(new CreateRequest(path, data, createAcl, flags)),
            Op.create(path, data, ZkInterop.toZkAcls(createAcl), flags));
      }
      case 1 -> {
        int flags = random.nextInt(4);
        return new OpPair(
            MultiOp.create2(new CreateRequest(path, data, createAcl, flags)),
            Op.create(
                path,
                data,
                CreateOptions.newBuilder(
                        ZkInterop.toZkAcls(createAcl),
                        org.apache.zookeeper.CreateMode.fromFlag(flags))
                    .build()));
      }
      case 2 -> {
        return new OpPair(
            MultiOp.createContainer(new CreateRequest(path, data, createAcl, 4)),
            Op.create(path, data, ZkInterop.toZkAcls(createAcl), 4));
      }
      case 3 -> {
        int flags = 5 + random.nextInt(2);
        long ttl = v.nextLong();
        return new OpPair(
            MultiOp.createTtl(new CreateTtlRequest(path, data, acl, flags, ttl)),
            Op.create(path, data, ZkInterop.toZkAcls(acl), flags, ttl));
      }
      case 4 -> {
        return new OpPair(
            MultiOp.delete(new DeleteRequest(path, version)), Op.delete(path, version));
      }
      case 5 -> {
        return new OpPair(
            MultiOp.setData(new SetDataRequest(path, data, version)),
            Op.setData(path, data, version));
      }
      default -> {
        return new OpPair(
            MultiOp.check(new CheckVersionRequest(path, version)), Op.check(path, version));
      }
    }
  }

  private static OpPair readOp(RandomRecords v, Random random) {
    String path = v.nextString();
    // ZooKeeper's Op.getData / Op.getChildren always send watch = false.
    return random.nextBoolean()
        ? new OpPair(MultiOp.getData(new GetDataRequest(path, false)), Op.getData(path))
        : new OpPair(
            MultiOp.getChildren(new GetChildrenRequest(path, false)), Op.getChildren(path));
  }

  @Test
  void effectiveTypeIsTheOpCodeZooKeepersDecoderGives() {
    int[] types = {OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL};
    Seeded.run(
        ITERATIONS,
        (random, i) -> {
          RandomRecords v = new RandomRecords(random);
          int type = types[random.nextInt(types.length)];
          int flags = type == OpCode.CREATE_TTL ? random.nextInt(12) - 2 : random.nextInt(5);
          MultiOp op =
              type == OpCode.CREATE_TTL
                  ? MultiOp.createTtl(
                      new CreateTtlRequest(v.nextString(), v.nextBuffer(), List.of(), flags, 7))
                  : new MultiOp(type, new CreateRequest(v.nextString(), null, List.of(), flags));
          byte[] bytes = new MultiRequest(List.of(op)).toBytes();
          Op zk = ZkInterop.deserialize(MultiOperationRecord.class, bytes).iterator().next();
          assertEquals(zk.getType(), op.effectiveType(), () -> op.toString());
        });
  }

  @Test
  void zooKeeperRefusesTheCreateOpsOurDecoderRefuses() {
    for (int type : new int[] {OpCode.CREATE, OpCode.CREATE2, OpCode.CREATE_CONTAINER}) {
      for (CreateRequest bad :
          List.of(
              new CreateRequest("/a", null, List.of(), 7),
              new CreateRequest("/a", null, List.of(), 5),
              new CreateRequest("/a", null, List.of(), 6),
              new CreateRequest("/a", null, List.of(), -1),
              new CreateRequest("/a", null, null, 0))) {
        JuteWriter out = new JuteWriter();
        new MultiHeader(type, false, -1).write(out);
        bad.write(out);
        MultiHeader.TERMINATOR.write(out);
        byte[] bytes = out.toByteArray();
        assertThrows(
            Exception.class, () -> ZkInterop.deserialize(MultiOperationRecord.class, bytes));
        assertThrows(
            MalformedRecordException.class, () -> MultiRequest.read(new JuteReader(bytes)));
        assertThrows(IllegalArgumentException.class, () -> new MultiOp(type, bad));
      }
    }
  }

  @Test
  void multiResponseMatchesZooKeeper() {
    Seeded.run(
        ITERATIONS,
        (random, i) -> {
          RandomRecords values = new RandomRecords(random);
          int count = random.nextInt(10);
          List<MultiResult> ours = new ArrayList<>();
          org.apache.zookeeper.MultiResponse zk = new org.apache.zookeeper.MultiResponse();
          for (int n = 0; n < count; n++) {
            ResultPair pair = result(values, random);
            ours.add(pair.ours());
            zk.add(pair.zk());
          }
          checkResponse(new MultiResponse(ours), zk);
        });
  }

  @Test
  void failedMultiResponseMatchesZooKeeper() throws Exception {
    MultiResponse ours =
        new MultiResponse(
            List.of(
                new MultiResult.ErrorResult(0),
                new MultiResult.ErrorResult(ErrorCode.NODEEXISTS.code()),
                new MultiResult.ErrorResult(ErrorCode.RUNTIMEINCONSISTENCY.code())));
    org.apache.zookeeper.MultiResponse zk = new org.apache.zookeeper.MultiResponse();
    zk.add(new OpResult.ErrorResult(0));
    zk.add(new OpResult.ErrorResult(-110));
    zk.add(new OpResult.ErrorResult(-2));
    checkResponse(ours, zk);
    assertEquals(-110, ours.firstError());
  }

  private static void checkResponse(MultiResponse ours, org.apache.zookeeper.MultiResponse zk)
      throws Exception {
    byte[] ourBytes = ours.toBytes();
    byte[] zkBytes = ZkInterop.serialize(zk);
    assertArrayEquals(zkBytes, ourBytes, () -> "bytes of " + ours);
    assertEquals(ours, MultiResponse.read(new JuteReader(zkBytes)));
    assertEquals(ours, ResponseCodec.decode(OpCode.MULTI, new JuteReader(zkBytes)));
    byte[] zkAgain =
        ZkInterop.serialize(
            ZkInterop.deserialize(org.apache.zookeeper.MultiResponse.class, ourBytes));
    assertArrayEquals(ourBytes, zkAgain, () -> "ZK decoding of " + ours);
  }

  private static ResultPair result(RandomRecords v, Random random) {
    Stat stat = v.nextStat();
    org.apache.zookeeper.data.Stat zkStat = ZkInterop.toZkStat(stat);
    String path = v.nextString();
    return switch (random.nextInt(8)) {
      case 0 -> new ResultPair(new MultiResult.CreateResult(path), new OpResult.CreateResult(path));
      case 1 ->
          new ResultPair(
              new MultiResult.Create2Result(path, stat), new OpResult.CreateResult(path, zkStat));
      case 2 -> new ResultPair(new MultiResult.DeleteResult(), new OpResult.DeleteResult());
      case 3 -> new ResultPair(new MultiResult.CheckResult(), new OpResult.CheckResult());
      case 4 ->
          new ResultPair(new MultiResult.SetDataResult(stat), new OpResult.SetDataResult(zkStat));
      case 5 -> {
        byte[] data = v.nextBuffer();
        yield new ResultPair(
            new MultiResult.GetDataResult(data, stat), new OpResult.GetDataResult(data, zkStat));
      }
      case 6 -> {
        List<String> children = v.nextStrings();
        yield new ResultPair(
            new MultiResult.GetChildrenResult(children), new OpResult.GetChildrenResult(children));
      }
      default -> {
        int err = v.nextInt();
        yield new ResultPair(new MultiResult.ErrorResult(err), new OpResult.ErrorResult(err));
      }
    };
  }
}
