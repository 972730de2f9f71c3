package io.paddock.server.interop;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.KeeperException.Code;
import org.apache.zookeeper.Watcher.Event.KeeperState;
import org.apache.zookeeper.ZooDefs.Ids;
import org.apache.zookeeper.ZooDefs.Perms;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Official-client conformance for ACLs and authentication (PROTOCOL 9.10): digest auth, the {@code
 * auth} scheme's expansion, NOAUTH per op, INVALIDACL, aversion checks, masked digest ids, whoAmI
 * and a failed auth. Runs on every core.
 */
class AclConformanceTest extends CoreTestBase {
  /** The digest ZooKeeper stores for {@code u:p}. */
  static final String U_P_DIGEST = "u:Jq7wMyA/w2Vd5WIDAKdu4OIIFEQ=";

  private static Code code(NodeOpsConformanceTest.ThrowingRunnable r) {
    return assertThrows(KeeperException.class, r::run).code();
  }

  /**
   * A mutable ACL list: the official client's validateACL calls {@code contains(null)}, which
   * immutable lists refuse.
   */
  static List<ACL> acl(ACL... entries) {
    return new ArrayList<>(List.of(entries));
  }

  private static Set<String> whoAmI(ZooKeeper zk) throws InterruptedException {
    return zk.whoAmI().stream()
        .map(c -> c.getAuthScheme() + ":" + c.getUser())
        .collect(Collectors.toSet());
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void digestAuthGuardsEveryOp(CoreKind kind) throws Exception {
    TestCore core = start(kind);
    ZooKeeper owner = client(core.connectString());
    ZooKeeper stranger = client(core.connectString());
    assertEquals(Set.of("ip:127.0.0.1"), whoAmI(owner));
    owner.addAuthInfo("digest", "u:p".getBytes(UTF_8));
    assertEquals(Set.of("ip:127.0.0.1", "digest:u"), whoAmI(owner));

    owner.create("/s", "x".getBytes(UTF_8), Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT);
    // auth:"" expands to the session's authenticated ids only (not ip).
    assertEquals(
        List.of(new ACL(Perms.ALL, new Id("digest", U_P_DIGEST))), owner.getACL("/s", new Stat()));

    assertEquals(Code.NOAUTH, code(() -> stranger.getData("/s", false, null)));
    assertEquals(Code.NOAUTH, code(() -> stranger.exists("/s", false)), "exists needs READ");
    assertEquals(Code.NOAUTH, code(() -> stranger.getChildren("/s", false)));
    assertEquals(Code.NOAUTH, code(() -> stranger.getACL("/s", new Stat())));
    assertEquals(Code.NOAUTH, code(() -> stranger.setData("/s", null, -1)));
    assertEquals(Code.NOAUTH, code(() -> stranger.setACL("/s", Ids.OPEN_ACL_UNSAFE, -1)));
    assertEquals(
        Code.NOAUTH,
        code(() -> stranger.create("/s/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
    assertEquals(Code.NOAUTH, code(() -> stranger.getAllChildrenNumber("/s")));
    owner.create("/s/c", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    assertEquals(Code.NOAUTH, code(() -> stranger.delete("/s/c", -1)), "DELETE on the parent");

    stranger.addAuthInfo("digest", "u:p".getBytes(UTF_8));
    stranger.setData("/s", null, -1);
    owner.delete("/s/c", -1);
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void setAclChecksTheAclVersionAndReadOnlyAclRefusesWrites(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    zk.create("/r", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    assertEquals(Code.BADVERSION, code(() -> zk.setACL("/r", Ids.READ_ACL_UNSAFE, 1)));
    Stat s = zk.setACL("/r", Ids.READ_ACL_UNSAFE, 0);
    assertEquals(1, s.getAversion());
    assertEquals(0, s.getVersion());
    assertEquals(Ids.READ_ACL_UNSAFE, zk.getACL("/r", new Stat()));
    assertEquals(Code.NOAUTH, code(() -> zk.setData("/r", null, -1)));
    assertEquals(Code.NOAUTH, code(() -> zk.setACL("/r", Ids.OPEN_ACL_UNSAFE, -1)));
    assertEquals(
        Code.NOAUTH,
        code(() -> zk.create("/r/x", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT)));
    assertEquals(Code.NONODE, code(() -> zk.setACL("/none", Ids.OPEN_ACL_UNSAFE, -1)));
    assertEquals(Code.NONODE, code(() -> zk.getACL("/none", new Stat())));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void invalidAclsAreRefused(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    assertEquals(
        Code.INVALIDACL,
        code(() -> zk.create("/i", null, Ids.CREATOR_ALL_ACL, CreateMode.PERSISTENT)),
        "auth scheme without an authenticated id");
    assertEquals(
        Code.INVALIDACL,
        code(() -> zk.create("/i", null, new ArrayList<>(), CreateMode.PERSISTENT)),
        "empty ACL");
    for (Id bad : List.of(new Id("digest", "nocolon"), new Id("nosuch", "x"), new Id("ip", "zz"))) {
      assertEquals(
          Code.INVALIDACL,
          code(() -> zk.create("/i", null, acl(new ACL(Perms.ALL, bad)), CreateMode.PERSISTENT)),
          bad.toString());
    }
    zk.create("/i", null, Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
    assertEquals(
        Code.INVALIDACL,
        code(() -> zk.setACL("/i", acl(new ACL(Perms.ALL, new Id("digest", "x"))), -1)));
    assertEquals(0, zk.exists("/i", false).getAversion(), "refused setACL changed nothing");
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void getAclWithoutAdminMasksDigestIds(CoreKind kind) throws Exception {
    ZooKeeper zk = client(start(kind).connectString());
    List<ACL> acl =
        acl(
            new ACL(Perms.READ, new Id("digest", U_P_DIGEST)),
            new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE));
    zk.create("/m", null, acl, CreateMode.PERSISTENT);
    assertEquals(
        List.of(
            new ACL(Perms.READ, new Id("digest", "u:x")),
            new ACL(Perms.READ, Ids.ANYONE_ID_UNSAFE)),
        zk.getACL("/m", new Stat()));
  }

  @ParameterizedTest
  @MethodSource("io.paddock.server.interop.CoreKind#all")
  void failedAuthClosesTheConnectionWithAuthFailed(CoreKind kind) throws Exception {
    EventLog log = new EventLog();
    ZooKeeper zk = client(start(kind).connectString(), log);
    zk.addAuthInfo("nosuchscheme", "x".getBytes(UTF_8));
    log.awaitStateSeen(KeeperState.AuthFailed);
    assertEquals(Code.AUTHFAILED, code(() -> zk.getData("/", false, null)));
  }
}
