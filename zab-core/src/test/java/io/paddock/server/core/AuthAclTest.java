package io.paddock.server.core;

import static io.paddock.server.core.Requests.create;
import static io.paddock.server.core.Requests.getData;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.AuthPacket;
import io.paddock.client.protocol.GetAclRequest;
import io.paddock.client.protocol.GetAclResponse;
import io.paddock.client.protocol.GetSaslRequest;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.client.protocol.SetAclRequest;
import io.paddock.client.protocol.Xids;
import io.paddock.server.core.auth.DigestAuth;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.Id;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Perms;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication and ACLs through the core (PROTOCOL 9.10). */
class AuthAclTest {
  static final String SUPER = DigestAuth.digest("super:root");

  @TempDir Path dir;
  CoreHarness h;
  TestClient c;

  @BeforeEach
  void start() throws Exception {
    h = CoreHarness.start(dir, b -> b.superDigest(SUPER));
    c = h.connect();
  }

  @AfterEach
  void stop() {
    h.close();
  }

  private TestClient.Answer auth(TestClient client, String scheme, String data) {
    h.core.onRequest(
        client.channel,
        new RequestHeader(Xids.AUTH, OpCode.AUTH),
        new AuthPacket(0, scheme, data == null ? null : data.getBytes(StandardCharsets.UTF_8)));
    h.barrier();
    return client.lastWithXid(Xids.AUTH);
  }

  @Test
  void digestAuthRepliesWithZxidZeroAndGrantsDigestAcls() {
    TestClient.Answer a = auth(c, "digest", "u:p");
    assertEquals(0, a.err());
    assertEquals(0, a.zxid(), "auth replies carry zxid 0");
    List<Acl> onlyU =
        List.of(new Acl(Perms.ALL, new Id("digest", "u:Jq7wMyA/w2Vd5WIDAKdu4OIIFEQ=")));
    c.call(OpCode.CREATE, create("/u", "", onlyU));
    assertEquals(0, c.call(OpCode.GET_DATA, getData("/u", false)).err());
    TestClient other = h.connect();
    assertEquals(ErrorCode.NOAUTH.code(), other.call(OpCode.GET_DATA, getData("/u", false)).err());
    auth(other, "digest", "u:wrong");
    assertEquals(
        ErrorCode.NOAUTH.code(),
        other.call(OpCode.GET_DATA, getData("/u", false)).err(),
        "a wrong password is just another id");
  }

  @Test
  void authSchemeExpandsToTheDigestIdsAndNeedsOne() {
    List<Acl> creator = List.of(new Acl(Perms.ALL, new Id("auth", "")));
    assertEquals(
        ErrorCode.INVALIDACL.code(),
        c.call(OpCode.CREATE, create("/c0", "", creator)).err(),
        "no authenticated id yet; ip does not count");
    c.digest("u:p");
    c.call(OpCode.CREATE, create("/c1", "", creator));
    List<Acl> stored =
        c.call(OpCode.GET_ACL, new GetAclRequest("/c1")).as(GetAclResponse.class).acl();
    assertEquals(
        List.of(new Acl(Perms.ALL, new Id("digest", "u:Jq7wMyA/w2Vd5WIDAKdu4OIIFEQ="))), stored);
  }

  @Test
  void invalidAclsAreRefused() {
    for (List<Acl> bad :
        List.of(
            List.<Acl>of(),
            List.of(new Acl(Perms.ALL, new Id("world", "someone"))),
            List.of(new Acl(Perms.ALL, new Id("digest", "nocolon"))),
            List.of(new Acl(Perms.ALL, new Id("digest", "a:b:c"))),
            List.of(new Acl(Perms.ALL, new Id("ip", "300.0.0.1"))),
            List.of(new Acl(Perms.ALL, new Id("ip", "10.0.0.0/33"))),
            List.of(new Acl(Perms.ALL, new Id("sasl", "x"))))) {
      assertEquals(
          ErrorCode.INVALIDACL.code(),
          c.call(OpCode.CREATE, create("/bad", "", bad)).err(),
          bad.toString());
    }
    assertEquals(
        ErrorCode.INVALIDACL.code(),
        c.call(OpCode.CREATE, new io.paddock.client.protocol.CreateRequest("/bad", null, null, 0))
            .err(),
        "a null ACL");
    List<Acl> dup = List.of(new Acl(Perms.READ, Id.ANYONE), new Acl(Perms.READ, Id.ANYONE));
    c.call(OpCode.CREATE, create("/dup", "", dup));
    assertEquals(
        1,
        c.call(OpCode.GET_ACL, new GetAclRequest("/dup")).as(GetAclResponse.class).acl().size(),
        "duplicates are dropped");
  }

  @Test
  void ipAclsMatchByAddressAndMask() {
    c.call(
        OpCode.CREATE,
        create("/lan", "", List.of(new Acl(Perms.ALL, new Id("ip", "10.1.0.0/16")))));
    c.call(
        OpCode.CREATE, create("/me", "", List.of(new Acl(Perms.ALL, new Id("ip", "127.0.0.1")))));
    assertEquals(ErrorCode.NOAUTH.code(), c.call(OpCode.GET_DATA, getData("/lan", false)).err());
    assertEquals(0, c.call(OpCode.GET_DATA, getData("/me", false)).err());
    TestClient lan = h.connect(h.channel(new InetSocketAddress("10.1.200.3", 5000)));
    assertEquals(0, lan.call(OpCode.GET_DATA, getData("/lan", false)).err());
    assertEquals(ErrorCode.NOAUTH.code(), lan.call(OpCode.GET_DATA, getData("/me", false)).err());
  }

  @Test
  void superDigestPassesEveryCheck() {
    c.call(
        OpCode.CREATE,
        create("/closed", "", List.of(new Acl(Perms.READ, new Id("digest", "nobody:x")))));
    assertEquals(ErrorCode.NOAUTH.code(), c.call(OpCode.GET_DATA, getData("/closed", false)).err());
    auth(c, "digest", "super:root");
    assertEquals(0, c.call(OpCode.GET_DATA, getData("/closed", false)).err());
    assertEquals(0, c.call(OpCode.SET_ACL, new SetAclRequest("/closed", Requests.OPEN, -1)).err());
  }

  @Test
  void anUnknownSchemeFailsAndClosesTheConnection() {
    TestClient.Answer a = auth(c, "kerberos", "x");
    assertEquals(ErrorCode.AUTHFAILED.code(), a.err());
    assertEquals(0, a.zxid());
    assertTrue(c.channel.isClosed());
    TestClient again = h.resume(c);
    assertEquals(0, again.ping().err(), "the session survives a failed auth");
  }

  @Test
  void saslIsRefusedWithoutClosing() {
    TestClient.Answer a = c.call(OpCode.SASL, new GetSaslRequest(new byte[0]));
    assertEquals(ErrorCode.AUTHFAILED.code(), a.err());
    assertEquals(0, a.zxid());
    assertEquals(0, c.ping().err());
  }

  @Test
  void ipAuthPacketsSucceedAndAddNothingNew() {
    assertEquals(0, auth(c, "ip", "").err());
    assertEquals(
        1,
        c.call(OpCode.WHO_AM_I, io.paddock.client.protocol.EmptyRequest.INSTANCE)
            .as(io.paddock.client.protocol.WhoAmIResponse.class)
            .clientInfo()
            .size());
  }
}
