package io.paddock.store.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wire numbers and encodings of the model constants against PROTOCOL 6.1, 7, 9.4, 9.5 and 10.1,
 * written out here independently of the enums they check.
 */
class ModelConstantsTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "OK|0|ok",
        "SYSTEMERROR|-1|SystemError",
        "RUNTIMEINCONSISTENCY|-2|RuntimeInconsistency",
        "DATAINCONSISTENCY|-3|DataInconsistency",
        "CONNECTIONLOSS|-4|ConnectionLoss",
        "MARSHALLINGERROR|-5|MarshallingError",
        "UNIMPLEMENTED|-6|Unimplemented",
        "OPERATIONTIMEOUT|-7|OperationTimeout",
        "BADARGUMENTS|-8|BadArguments",
        "UNKNOWNSESSION|-12|Unknown error UNKNOWNSESSION",
        "NEWCONFIGNOQUORUM|-13|NewConfigNoQuorum",
        "RECONFIGINPROGRESS|-14|ReconfigInProgress",
        "APIERROR|-100|APIError",
        "NONODE|-101|NoNode",
        "NOAUTH|-102|NoAuth",
        "BADVERSION|-103|BadVersion",
        "NOCHILDRENFOREPHEMERALS|-108|NoChildrenForEphemerals",
        "NODEEXISTS|-110|NodeExists",
        "NOTEMPTY|-111|Directory not empty",
        "SESSIONEXPIRED|-112|Session expired",
        "INVALIDCALLBACK|-113|Invalid callback",
        "INVALIDACL|-114|InvalidACL",
        "AUTHFAILED|-115|AuthFailed",
        "SESSIONMOVED|-118|Session moved",
        "NOTREADONLY|-119|Not a read-only call",
        "EPHEMERALONLOCALSESSION|-120|Ephemeral node on local session",
        "NOWATCHER|-121|No such watcher",
        "REQUESTTIMEOUT|-122|Unknown error REQUESTTIMEOUT",
        "RECONFIGDISABLED|-123|Reconfig is disabled",
        "SESSIONCLOSEDREQUIRESASLAUTH|-124|Session closed because client failed to authenticate",
        "QUOTAEXCEEDED|-125|Quota has exceeded",
        "THROTTLEDOP|-127|Op throttled due to high load"
      })
  void errorCodeNumbersAndTexts(String name, int code, String text) {
    ErrorCode e = ErrorCode.valueOf(name);
    assertEquals(code, e.code());
    assertEquals(text, e.text());
    assertSame(e, ErrorCode.fromCode(code));
  }

  @Test
  void everyErrorCodeIsInTheTableAndUnassignedNumbersAreRejected() {
    assertEquals(32, ErrorCode.values().length, "the table above has 32 rows");
    for (int code : new int[] {-9, -10, -11, -104, -105, -106, -107, -109, -116, -117, -126}) {
      assertThrows(IllegalArgumentException.class, () -> ErrorCode.fromCode(code), "" + code);
    }
    for (int code : new int[] {1, -128, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertThrows(IllegalArgumentException.class, () -> ErrorCode.fromCode(code), "" + code);
    }
    assertEquals("KeeperErrorCode = NoNode for /a", ErrorCode.NONODE.describe("/a"));
    assertEquals("KeeperErrorCode = No such watcher", ErrorCode.NOWATCHER.describe(null));
    assertTrue(ErrorCode.OK.isOk());
    assertFalse(ErrorCode.NONODE.isOk());
  }

  @ParameterizedTest(name = "flag {0}")
  @CsvSource({
    // flag, name, ephemeral, sequential, container, ttl
    "0, PERSISTENT, false, false, false, false",
    "1, EPHEMERAL, true, false, false, false",
    "2, PERSISTENT_SEQUENTIAL, false, true, false, false",
    "3, EPHEMERAL_SEQUENTIAL, true, true, false, false",
    "4, CONTAINER, false, false, true, false",
    "5, PERSISTENT_WITH_TTL, false, false, false, true",
    "6, PERSISTENT_SEQUENTIAL_WITH_TTL, false, true, false, true"
  })
  void createModeFlags(
      int flag,
      String name,
      boolean ephemeral,
      boolean sequential,
      boolean container,
      boolean ttl) {
    CreateMode mode = CreateMode.fromFlag(flag);
    assertEquals(CreateMode.valueOf(name), mode);
    assertEquals(flag, mode.flag());
    assertEquals(ephemeral, mode.isEphemeral());
    assertEquals(sequential, mode.isSequential());
    assertEquals(container, mode.isContainer());
    assertEquals(ttl, mode.isTtl());
  }

  @Test
  void createModeOutsideZeroToSixIsNull() {
    for (int flag : new int[] {7, 8, -1, Integer.MIN_VALUE, Integer.MAX_VALUE}) {
      assertNull(CreateMode.fromFlag(flag), "flag " + flag + " is BADARGUMENTS on the server");
    }
  }

  @Test
  void ephemeralKindEncodings() {
    assertEquals(0x8000000000000000L, EphemeralKind.CONTAINER_OWNER);
    assertEquals(Long.MIN_VALUE, EphemeralKind.CONTAINER_OWNER);
    assertEquals(0xFF00000000000001L, EphemeralKind.ttlOwner(1));
    assertEquals(0xFF0000FFFFFFFFFFL, EphemeralKind.ttlOwner(0xFF_FFFF_FFFFL));
    assertEquals(1_099_511_627_775L, EphemeralKind.TTL_MS_MAX);
    for (long bad : new long[] {0, -1, 0x100_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE}) {
      assertFalse(EphemeralKind.isValidTtl(bad), "ttl " + bad);
      assertThrows(IllegalArgumentException.class, () -> EphemeralKind.ttlOwner(bad));
    }
    long owner = EphemeralKind.ttlOwner(60_000);
    assertTrue(EphemeralKind.isTtl(owner));
    assertEquals(60_000, EphemeralKind.ttlMs(owner));
    assertFalse(EphemeralKind.isContainer(owner));
    assertFalse(EphemeralKind.isSession(owner));
    assertEquals(0, EphemeralKind.visibleOwner(owner), "clients see 0 for a TTL node");

    assertTrue(EphemeralKind.isContainer(Long.MIN_VALUE));
    assertFalse(EphemeralKind.isTtl(Long.MIN_VALUE), "the container marker is not a TTL");
    assertEquals(0, EphemeralKind.visibleOwner(Long.MIN_VALUE), "clients see 0 for a container");

    long session = 0x0100017f00000001L;
    assertTrue(EphemeralKind.isSession(session));
    assertEquals(session, EphemeralKind.visibleOwner(session));
    assertFalse(EphemeralKind.isSession(0));
    assertEquals(0, EphemeralKind.visibleOwner(0));
  }

  @Test
  void zxidIsEpochHighCounterLow() {
    long zxid = Zxid.make(0x12, 0x345);
    assertEquals(0x0000001200000345L, zxid);
    assertEquals(0x12, Zxid.epoch(zxid));
    assertEquals(0x345, Zxid.counter(zxid));
    assertEquals(0x00000001ffffffffL, Zxid.make(1, Zxid.COUNTER_MAX));
    assertEquals(0x0000000200000000L, Zxid.make(1, Zxid.COUNTER_MAX) + 1, "the counter carries");
    assertEquals(0x7fffffff_ffffffffL, Zxid.make(Zxid.EPOCH_MAX, Zxid.COUNTER_MAX));
    assertEquals(0xffffffffL, Zxid.epoch(-1L), "epoch is unsigned");
  }

  @Test
  void zxidPartsOutOfRangeAreRefusedNotMasked() {
    assertThrows(IllegalArgumentException.class, () -> Zxid.make(Zxid.EPOCH_MAX + 1, 0));
    assertThrows(IllegalArgumentException.class, () -> Zxid.make(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> Zxid.make(1, Zxid.COUNTER_MAX + 1));
    assertThrows(IllegalArgumentException.class, () -> Zxid.make(1, -1));
  }

  @Test
  void zxidHexIsLowerCaseWithoutLeadingZeros() {
    assertEquals("1a", Zxid.toHex(0x1a));
    assertEquals("0", Zxid.toHex(0));
    assertEquals("100000001", Zxid.toHex(Zxid.make(1, 1)));
    assertEquals("ffffffffffffffff", Zxid.toHex(-1));
    for (long z : List.of(0L, 0x1aL, Zxid.make(7, 9), Long.MAX_VALUE, -1L, Long.MIN_VALUE)) {
      assertEquals(z, Zxid.fromHex(Zxid.toHex(z)), Long.toHexString(z));
    }
  }

  @Test
  void watchAndEventNumbers() {
    assertEquals(
        List.of(-1, 1, 2, 3, 4, 5, 6, 7),
        Arrays.stream(EventType.values()).map(EventType::code).toList());
    for (EventType t : EventType.values()) {
      assertSame(t, EventType.fromCode(t.code()));
    }
    assertEquals(
        List.of(1, 2, 3, 4, 5),
        Arrays.stream(WatcherType.values()).map(WatcherType::code).toList());
    assertNull(WatcherType.fromCode(0));
    assertEquals(0, AddWatchMode.PERSISTENT.code());
    assertEquals(1, AddWatchMode.PERSISTENT_RECURSIVE.code());
    assertNull(AddWatchMode.fromCode(2));
    assertEquals(31, Perms.ALL);
  }
}
