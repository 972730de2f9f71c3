package io.paddock.client.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Stat;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every record survives write then read, with random, null and empty values. */
class RoundTripTest {

  static Stream<Class<? extends Record>> records() {
    return ZkInterop.PAIRS.stream().map(ZkInterop.Pair::ours);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void randomValuesRoundTrip(Class<? extends Record> type) {
    Seeded.run(
        300,
        (random, i) -> {
          Record record = new RandomRecords(random).next(type);
          assertRoundTrip(record);
        });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("records")
  void nullAndEmptyValuesRoundTrip(Class<? extends Record> type) throws Exception {
    assertRoundTrip(build(type, false));
    assertRoundTrip(build(type, true));
  }

  /** Every reference field null (or empty when {@code empty}); a Stat is zero. */
  private static Record build(Class<? extends Record> type, boolean empty) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      Class<?> c = components[i].getType();
      types[i] = c;
      if (c == int.class) {
        values[i] = 0;
      } else if (c == long.class) {
        values[i] = 0L;
      } else if (c == boolean.class) {
        values[i] = true;
      } else if (c == Stat.class) {
        values[i] = Stat.ZERO;
      } else if (c == String.class) {
        values[i] = empty || type == DeleteContainerRequest.class ? "" : null;
      } else if (c == byte[].class) {
        values[i] = empty ? new byte[0] : null;
      } else if (c == List.class) {
        values[i] = empty ? List.of() : null;
      }
    }
    return type.getDeclaredConstructor(types).newInstance(values);
  }

  private static void assertRoundTrip(Record record) {
    byte[] bytes = ((JuteRecord) record).toBytes();
    Record decoded = ZkInterop.read(record.getClass(), bytes);
    assertEquals(record, decoded);
    assertEquals(record.hashCode(), decoded.hashCode());
    assertArrayEquals(bytes, ((JuteRecord) decoded).toBytes());
  }

  @Test
  void connectRecordsWithoutTheReadOnlyByteRoundTrip() {
    ConnectRequest old = new ConnectRequest(0, 7, 30000, 0x55L, new byte[16], true, false);
    assertFalse(old.readOnly(), "absent byte reads as false");
    assertEquals(44, old.toBytes().length);
    assertEquals(old, ConnectRequest.read(new JuteReader(old.toBytes())));
    ConnectResponse response = new ConnectResponse(0, 4000, 9L, new byte[16], false, false);
    assertEquals(36, response.toBytes().length);
    assertEquals(response, ConnectResponse.read(new JuteReader(response.toBytes())));
    // Bytes after the readOnly byte are ignored.
    byte[] longer =
        java.util.Arrays.copyOf(new ConnectRequest(0, 0, 1, 0, null, true).toBytes(), 40);
    ConnectRequest read = ConnectRequest.read(new JuteReader(longer));
    assertEquals(new ConnectRequest(0, 0, 1, 0, null, true), read);
  }

  @Test
  void byteArraysCompareByContent() {
    GetDataResponse a = new GetDataResponse(new byte[] {1, 2}, Stat.ZERO);
    GetDataResponse b = new GetDataResponse(new byte[] {1, 2}, Stat.ZERO);
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new GetDataResponse(new byte[] {1, 3}, Stat.ZERO));
    assertNotEquals(a, new GetDataResponse(null, Stat.ZERO));
    assertEquals("GetDataResponse[data=byte[2], stat=" + Stat.ZERO + "]", a.toString());
  }

  @Test
  void decodedListsAreUnmodifiable() {
    GetChildrenResponse r = new GetChildrenResponse(List.of("a", "b"));
    List<String> children = GetChildrenResponse.read(new JuteReader(r.toBytes())).children();
    assertThrows(UnsupportedOperationException.class, () -> children.add("c"));
  }

  /** The request record PROTOCOL.md §5 assigns to each op. */
  private static final Map<Integer, Class<? extends Request>> REQUESTS =
      Map.ofEntries(
          Map.entry(OpCode.CREATE, CreateRequest.class),
          Map.entry(OpCode.DELETE, DeleteRequest.class),
          Map.entry(OpCode.EXISTS, ExistsRequest.class),
          Map.entry(OpCode.GET_DATA, GetDataRequest.class),
          Map.entry(OpCode.SET_DATA, SetDataRequest.class),
          Map.entry(OpCode.GET_ACL, GetAclRequest.class),
          Map.entry(OpCode.SET_ACL, SetAclRequest.class),
          Map.entry(OpCode.GET_CHILDREN, GetChildrenRequest.class),
          Map.entry(OpCode.SYNC, SyncRequest.class),
          Map.entry(OpCode.PING, EmptyRequest.class),
          Map.entry(OpCode.GET_CHILDREN2, GetChildren2Request.class),
          Map.entry(OpCode.MULTI, MultiRequest.class),
          Map.entry(OpCode.CREATE2, CreateRequest.class),
          Map.entry(OpCode.RECONFIG, ReconfigRequest.class),
          Map.entry(OpCode.CHECK_WATCHES, CheckWatchesRequest.class),
          Map.entry(OpCode.REMOVE_WATCHES, RemoveWatchesRequest.class),
          Map.entry(OpCode.CREATE_CONTAINER, CreateRequest.class),
          Map.entry(OpCode.DELETE_CONTAINER, DeleteContainerRequest.class),
          Map.entry(OpCode.CREATE_TTL, CreateTtlRequest.class),
          Map.entry(OpCode.MULTI_READ, MultiRequest.class),
          Map.entry(OpCode.AUTH, AuthPacket.class),
          Map.entry(OpCode.SET_WATCHES, SetWatches.class),
          Map.entry(OpCode.SASL, GetSaslRequest.class),
          Map.entry(OpCode.GET_EPHEMERALS, GetEphemeralsRequest.class),
          Map.entry(OpCode.GET_ALL_CHILDREN_NUMBER, GetAllChildrenNumberRequest.class),
          Map.entry(OpCode.SET_WATCHES2, SetWatches2.class),
          Map.entry(OpCode.ADD_WATCH, AddWatchRequest.class),
          Map.entry(OpCode.WHO_AM_I, EmptyRequest.class),
          Map.entry(OpCode.CLOSE_SESSION, EmptyRequest.class));

  /** The reply body PROTOCOL.md §5 assigns to each op (err 0). */
  private static final Map<Integer, Class<? extends Response>> RESPONSES =
      Map.ofEntries(
          Map.entry(OpCode.NOTIFICATION, WatcherEvent.class),
          Map.entry(OpCode.CREATE, CreateResponse.class),
          Map.entry(OpCode.DELETE, EmptyResponse.class),
          Map.entry(OpCode.EXISTS, ExistsResponse.class),
          Map.entry(OpCode.GET_DATA, GetDataResponse.class),
          Map.entry(OpCode.SET_DATA, SetDataResponse.class),
          Map.entry(OpCode.GET_ACL, GetAclResponse.class),
          Map.entry(OpCode.SET_ACL, SetAclResponse.class),
          Map.entry(OpCode.GET_CHILDREN, GetChildrenResponse.class),
          Map.entry(OpCode.SYNC, SyncResponse.class),
          Map.entry(OpCode.PING, EmptyResponse.class),
          Map.entry(OpCode.GET_CHILDREN2, GetChildren2Response.class),
          Map.entry(OpCode.MULTI, MultiResponse.class),
          Map.entry(OpCode.CREATE2, Create2Response.class),
          Map.entry(OpCode.RECONFIG, GetDataResponse.class),
          Map.entry(OpCode.CHECK_WATCHES, EmptyResponse.class),
          Map.entry(OpCode.REMOVE_WATCHES, EmptyResponse.class),
          Map.entry(OpCode.CREATE_CONTAINER, Create2Response.class),
          Map.entry(OpCode.DELETE_CONTAINER, EmptyResponse.class),
          Map.entry(OpCode.CREATE_TTL, Create2Response.class),
          Map.entry(OpCode.MULTI_READ, MultiResponse.class),
          Map.entry(OpCode.AUTH, EmptyResponse.class),
          Map.entry(OpCode.SET_WATCHES, EmptyResponse.class),
          Map.entry(OpCode.SASL, SetSaslResponse.class),
          Map.entry(OpCode.GET_EPHEMERALS, GetEphemeralsResponse.class),
          Map.entry(OpCode.GET_ALL_CHILDREN_NUMBER, GetAllChildrenNumberResponse.class),
          Map.entry(OpCode.SET_WATCHES2, EmptyResponse.class),
          Map.entry(OpCode.ADD_WATCH, ErrorResponse.class),
          Map.entry(OpCode.WHO_AM_I, WhoAmIResponse.class),
          Map.entry(OpCode.CLOSE_SESSION, EmptyResponse.class));

  @Test
  void requestCodecDecodesTheRecordOfEachOp() {
    for (int op = -300; op <= 300; op++) {
      assertEquals(REQUESTS.containsKey(op), RequestCodec.isDecodable(op), "op " + op);
      assertEquals(
          REQUESTS.get(op) != EmptyRequest.class,
          RequestCodec.hasBody(op) || !REQUESTS.containsKey(op));
    }
    Seeded.run(
        50,
        (random, i) -> {
          for (Map.Entry<Integer, Class<? extends Request>> e : REQUESTS.entrySet()) {
            Request request = randomRequest(e.getValue(), random);
            Request decoded = RequestCodec.decode(e.getKey(), new JuteReader(request.toBytes()));
            assertInstanceOf(e.getValue(), decoded);
            assertEquals(request, decoded, "op " + e.getKey());
          }
        });
  }

  @Test
  void responseCodecDecodesTheRecordOfEachOp() {
    for (int op = -300; op <= 300; op++) {
      assertEquals(RESPONSES.containsKey(op), ResponseCodec.isDecodable(op), "op " + op);
      if (RESPONSES.containsKey(op)) {
        assertEquals(RESPONSES.get(op) != EmptyResponse.class, ResponseCodec.hasBody(op));
      }
    }
    Seeded.run(
        50,
        (random, i) -> {
          for (Map.Entry<Integer, Class<? extends Response>> e : RESPONSES.entrySet()) {
            Response response = randomResponse(e.getValue(), random);
            Response decoded = ResponseCodec.decode(e.getKey(), new JuteReader(response.toBytes()));
            assertInstanceOf(e.getValue(), decoded);
            assertEquals(response, decoded, "op " + e.getKey());
          }
        });
  }

  @Test
  void multiRoundTrips() {
    Seeded.run(
        300,
        (random, i) -> {
          MultiRequest request = randomMulti(random);
          assertEquals(request, MultiRequest.read(new JuteReader(request.toBytes())));
          MultiResponse response = randomMultiResponse(random);
          assertEquals(response, MultiResponse.read(new JuteReader(response.toBytes())));
        });
  }

  private static Request randomRequest(Class<? extends Request> type, Random random) {
    if (type == EmptyRequest.class) {
      return EmptyRequest.INSTANCE;
    } else if (type == MultiRequest.class) {
      return randomMulti(random);
    }
    return (Request) new RandomRecords(random).next(type.asSubclass(Record.class));
  }

  private static Response randomResponse(Class<? extends Response> type, Random random) {
    if (type == EmptyResponse.class) {
      return EmptyResponse.INSTANCE;
    } else if (type == MultiResponse.class) {
      return randomMultiResponse(random);
    }
    return (Response) new RandomRecords(random).next(type.asSubclass(Record.class));
  }

  /** A random multi: write ops, or read ops with either watch flag. */
  static MultiRequest randomMulti(Random random) {
    RandomRecords v = new RandomRecords(random);
    boolean reads = random.nextBoolean();
    List<MultiOp> ops = new ArrayList<>();
    int count = random.nextInt(6);
    for (int n = 0; n < count; n++) {
      if (reads) {
        ops.add(
            random.nextBoolean()
                ? MultiOp.getData(new GetDataRequest(v.nextString(), v.nextBool()))
                : MultiOp.getChildren(new GetChildrenRequest(v.nextString(), v.nextBool())));
        continue;
      }
      CreateRequest create =
          new CreateRequest(v.nextString(), v.nextBuffer(), List.of(), random.nextInt(5));
      ops.add(
          switch (random.nextInt(8)) {
            case 0 -> MultiOp.create(create);
            case 1 -> MultiOp.create2(create);
            case 2 -> MultiOp.createContainer(create);
            case 3 -> MultiOp.createTtl(v.next(CreateTtlRequest.class));
            case 4 -> MultiOp.delete(v.next(DeleteRequest.class));
            case 5 -> MultiOp.setData(v.next(SetDataRequest.class));
            default -> MultiOp.check(v.next(CheckVersionRequest.class));
          });
    }
    return new MultiRequest(ops);
  }

  static MultiResponse randomMultiResponse(Random random) {
    RandomRecords v = new RandomRecords(random);
    List<MultiResult> results = new ArrayList<>();
    int count = random.nextInt(8);
    for (int n = 0; n < count; n++) {
      results.add(
          switch (random.nextInt(8)) {
            case 0 -> new MultiResult.CreateResult(v.nextString());
            case 1 -> new MultiResult.Create2Result(v.nextString(), v.nextStat());
            case 2 -> new MultiResult.DeleteResult();
            case 3 -> new MultiResult.CheckResult();
            case 4 -> new MultiResult.SetDataResult(v.nextStat());
            case 5 -> new MultiResult.GetDataResult(v.nextBuffer(), v.nextStat());
            case 6 -> new MultiResult.GetChildrenResult(v.nextStrings());
            default -> new MultiResult.ErrorResult(v.nextInt());
          });
    }
    return new MultiResponse(results);
  }
}
