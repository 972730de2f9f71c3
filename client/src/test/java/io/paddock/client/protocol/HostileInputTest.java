package io.paddock.client.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import io.paddock.store.model.OpCode;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bytes from a hostile or broken peer: every failure is a {@link MalformedRecordException}, and no
 * length or count read from the input makes the decoder allocate more than the input justifies.
 */
class HostileInputTest {
  /** Generous: decoding a few dozen bytes must never come near this. */
  private static final long ALLOCATION_BYTES_MAX = 256 * 1024;

  static Stream<Class<? extends Record>> records() {
    return ZkInterop.PAIRS.stream().map(ZkInterop.Pair::ours);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void everyTruncationIsMalformed(Class<? extends Record> type) {
    Seeded.run(
        40,
        (random, i) -> {
          Record record = new RandomRecords(random).next(type);
          byte[] bytes = ((JuteRecord) record).toBytes();
          for (int length = 0; length < bytes.length; length++) {
            byte[] prefix = Arrays.copyOf(bytes, length);
            boolean optionalByte =
                (type == ConnectRequest.class || type == ConnectResponse.class)
                    && length == bytes.length - 1;
            if (optionalByte) {
              // Without its last byte a connect record is the old-client form, not an error.
              Record old = ZkInterop.read(type, prefix);
              assertFalse(
                  old instanceof ConnectRequest c
                      ? c.readOnlyPresent()
                      : ((ConnectResponse) old).readOnlyPresent());
              continue;
            }
            int cut = length;
            assertThrows(
                MalformedRecordException.class,
                () -> ZkInterop.read(type, prefix),
                () -> record + " cut to " + cut + " of " + bytes.length);
          }
        });
  }

  @Test
  void everyTruncationOfAMultiIsMalformed() {
    Seeded.run(
        200,
        (random, i) -> {
          byte[] request = RoundTripTest.randomMulti(random).toBytes();
          for (int length = 0; length < request.length; length++) {
            byte[] prefix = Arrays.copyOf(request, length);
            assertThrows(
                MalformedRecordException.class, () -> MultiRequest.read(new JuteReader(prefix)));
          }
          byte[] response = RoundTripTest.randomMultiResponse(random).toBytes();
          for (int length = 0; length < response.length; length++) {
            byte[] prefix = Arrays.copyOf(response, length);
            assertThrows(
                MalformedRecordException.class, () -> MultiResponse.read(new JuteReader(prefix)));
          }
        });
  }

  /** Decodes {@code bytes}, expecting a MalformedRecordException and little allocation. */
  private static void assertMalformedCheaply(byte[] bytes, Function<JuteReader, ?> reader) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long thread = Thread.currentThread().getId();
    long before = threads.getThreadAllocatedBytes(thread);
    assertThrows(MalformedRecordException.class, () -> reader.apply(new JuteReader(bytes)));
    long allocated = threads.getThreadAllocatedBytes(thread) - before;
    assertTrue(
        allocated < ALLOCATION_BYTES_MAX,
        "decoding " + bytes.length + " bytes allocated " + allocated);
  }

  /** Keeps the allocation below reachable so that it cannot be optimized away. */
  static volatile Object sink;

  @Test
  void theAllocationCheckCatchesALargeAllocation() {
    assertThrows(
        org.opentest4j.AssertionFailedError.class,
        () ->
            assertMalformedCheaply(
                new byte[0],
                in -> {
                  sink = new byte[4 * 1024 * 1024];
                  throw new MalformedRecordException("allocated first");
                }));
  }

  private static byte[] ints(int... values) {
    JuteWriter out = new JuteWriter();
    for (int v : values) {
      out.writeInt(v);
    }
    return out.toByteArray();
  }

  @Test
  void vectorCountsBeyondTheFrameAreMalformed() {
    for (int count : new int[] {Integer.MAX_VALUE, 1 << 28, 1 << 20, 3, -2, Integer.MIN_VALUE}) {
      // children: count then two empty strings (8 bytes), far fewer than count needs
      assertMalformedCheaply(ints(count, 0, 0), GetChildrenResponse::read);
      assertMalformedCheaply(ints(count, 0, 0), GetEphemeralsResponse::read);
      assertMalformedCheaply(ints(count, 0, 0), WhoAmIResponse::read);
      assertMalformedCheaply(ints(count, 0, 0), GetAclResponse::read);
      // setWatches: relativeZxid (long), two empty lists, then the hostile count
      assertMalformedCheaply(ints(0, 0, 0, 0, count, 0), SetWatches::read);
      // create: empty path, null data, hostile ACL count, no flags
      assertMalformedCheaply(ints(0, -1, count, 0, 0, 0), CreateRequest::read);
    }
  }

  @Test
  void bufferAndStringLengthsBeyondTheFrameAreMalformed() {
    for (int length : new int[] {Integer.MAX_VALUE, 0xfffff + 1, 100, -2, Integer.MIN_VALUE}) {
      assertMalformedCheaply(ints(length, 0, 0), GetDataResponse::read);
      assertMalformedCheaply(ints(length, 0, 0), CreateResponse::read);
      assertMalformedCheaply(ints(length, 0, 0), DeleteContainerRequest::read);
      assertMalformedCheaply(ints(0, 0, 0, 0, 0, 0, length, 0), ConnectRequest::read);
      assertMalformedCheaply(ints(0, 0, 0, 0, length, 0), ConnectResponse::read);
      assertMalformedCheaply(ints(0, 6, 0x64696765, 0x7374, length), AuthPacket::read);
    }
  }

  @Test
  void deleteContainerWithANullPathIsMalformed() {
    assertThrows(
        MalformedRecordException.class,
        () -> DeleteContainerRequest.read(new JuteReader(ints(-1))));
  }

  private static byte[] multiOfChecks(int ops) {
    JuteWriter out = new JuteWriter(ops * 17 + 9);
    for (int i = 0; i < ops; i++) {
      MultiOp.check(new CheckVersionRequest("", i)).write(out);
    }
    MultiHeader.TERMINATOR.write(out);
    return out.toByteArray();
  }

  private static byte[] multiOfDeleteResults(int results) {
    JuteWriter out = new JuteWriter(results * 9 + 9);
    for (int i = 0; i < results; i++) {
      new MultiResult.DeleteResult().write(out);
    }
    MultiHeader.TERMINATOR.write(out);
    return out.toByteArray();
  }

  @Test
  void multiOpCountBeyondTheLimitIsMalformed() {
    int max = WireLimits.MULTI_OPS_MAX;
    assertEquals(max, MultiRequest.read(new JuteReader(multiOfChecks(max))).ops().size());
    assertThrows(
        MalformedRecordException.class,
        () -> MultiRequest.read(new JuteReader(multiOfChecks(max + 1))));
    assertThrows(
        MalformedRecordException.class,
        () -> RequestCodec.decode(OpCode.MULTI, new JuteReader(multiOfChecks(max + 1))));
    assertEquals(
        max, MultiResponse.read(new JuteReader(multiOfDeleteResults(max))).results().size());
    assertThrows(
        MalformedRecordException.class,
        () -> MultiResponse.read(new JuteReader(multiOfDeleteResults(max + 1))));
    // An explicit limit.
    assertEquals(4, MultiRequest.read(new JuteReader(multiOfChecks(4)), 4).ops().size());
    assertThrows(
        MalformedRecordException.class,
        () -> MultiRequest.read(new JuteReader(multiOfChecks(5)), 4));
    assertThrows(
        MalformedRecordException.class,
        () -> MultiResponse.read(new JuteReader(multiOfDeleteResults(5)), 4));
  }

  @Test
  void aMultiWithTheDefaultMaxBufferCannotReachTheLimit() {
    // Smallest request op: header 9 + getData(null path, watch) 5 bytes; smallest result: 9 bytes.
    assertTrue((long) (WireLimits.MULTI_OPS_MAX) * 9 > WireLimits.JUTE_MAX_BUFFER_DEFAULT);
  }

  @Test
  void unknownOpTypesInAMultiAreMalformed() {
    for (int type :
        new int[] {
          0,
          OpCode.EXISTS,
          OpCode.GET_ACL,
          OpCode.SET_ACL,
          OpCode.SYNC,
          OpCode.PING,
          OpCode.GET_CHILDREN2,
          OpCode.MULTI,
          OpCode.RECONFIG,
          OpCode.DELETE_CONTAINER,
          OpCode.MULTI_READ,
          OpCode.AUTH,
          OpCode.ERROR,
          999,
          Integer.MIN_VALUE
        }) {
      JuteWriter out = new JuteWriter();
      new MultiHeader(type, false, -1).write(out);
      new DeleteRequest("/a", 1).write(out);
      MultiHeader.TERMINATOR.write(out);
      byte[] bytes = out.toByteArray();
      assertMalformedCheaply(bytes, MultiRequest::read);
      assertThrows(
          IllegalArgumentException.class, () -> new MultiOp(type, new DeleteRequest("/a", 1)));
    }
    for (int type :
        new int[] {
          0,
          OpCode.EXISTS,
          OpCode.GET_ACL,
          OpCode.CREATE_CONTAINER,
          OpCode.CREATE_TTL,
          OpCode.MULTI,
          999,
          Integer.MIN_VALUE
        }) {
      JuteWriter out = new JuteWriter();
      new MultiHeader(type, false, 0).write(out);
      out.writeInt(0);
      MultiHeader.TERMINATOR.write(out);
      assertMalformedCheaply(out.toByteArray(), MultiResponse::read);
    }
  }

  @Test
  void aMultiMixingReadsAndWritesIsMalformed() {
    JuteWriter out = new JuteWriter();
    MultiOp.getData(new GetDataRequest("/a", false)).write(out);
    MultiOp.delete(new DeleteRequest("/a", -1)).write(out);
    MultiHeader.TERMINATOR.write(out);
    assertMalformedCheaply(out.toByteArray(), MultiRequest::read);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new MultiRequest(
                List.of(
                    MultiOp.getData(new GetDataRequest("/a", false)),
                    MultiOp.delete(new DeleteRequest("/a", -1)))));
  }

  @Test
  void aMultiWithoutTerminatorIsMalformed() {
    JuteWriter out = new JuteWriter();
    MultiOp.delete(new DeleteRequest("/a", -1)).write(out);
    assertMalformedCheaply(out.toByteArray(), MultiRequest::read);
    assertMalformedCheaply(new byte[0], MultiResponse::read);
  }

  @Test
  void anyHeaderWithDoneSetEndsTheList() {
    // ZooKeeper's readers loop "while (!h.getDone())", whatever the type and err.
    JuteWriter out = new JuteWriter();
    MultiOp.delete(new DeleteRequest("/a", -1)).write(out);
    new MultiHeader(OpCode.CREATE, true, 0).write(out);
    assertEquals(1, MultiRequest.read(new JuteReader(out.toByteArray())).ops().size());
  }

  @Test
  void requestCodecRejectsTruncatedBodies() {
    byte[] create = new CreateRequest("/x", new byte[3], List.of(), 0).toBytes();
    for (int length = 0; length < create.length; length++) {
      byte[] prefix = Arrays.copyOf(create, length);
      assertThrows(
          MalformedRecordException.class,
          () -> RequestCodec.decode(OpCode.CREATE, new JuteReader(prefix)));
    }
    assertThrows(
        IllegalArgumentException.class, () -> RequestCodec.decode(55, new JuteReader(create)));
    assertThrows(
        IllegalArgumentException.class,
        () -> RequestCodec.decode(OpCode.CHECK, new JuteReader(create)));
  }
}
