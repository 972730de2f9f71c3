package io.paddock.server.core.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.store.model.Id;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The digest scheme and the auth packet's outcome per scheme. */
class DigestAuthTest {
  @Test
  void digestIsUserColonBase64Sha1OfTheWholeText() throws Exception {
    assertEquals(
        "u:Jq7wMyA/w2Vd5WIDAKdu4OIIFEQ=", DigestAuth.digest("u:p"), "PROTOCOL 9.10 live value");
    assertEquals(
        org.apache.zookeeper.server.auth.DigestAuthenticationProvider.generateDigest("bob:s3cr:et"),
        DigestAuth.digest("bob:s3cr:et"),
        "same as ZooKeeper's, colons in the password included");
  }

  @Test
  void validIdsHaveExactlyOneColonSplit() {
    assertTrue(DigestAuth.isValid("u:hash"));
    assertTrue(DigestAuth.isValid(":hash"));
    assertFalse(DigestAuth.isValid("u:"));
    assertFalse(DigestAuth.isValid("u"));
    assertFalse(DigestAuth.isValid("a:b:c"));
  }

  @Test
  void superDigestAddsTheSuperIdFirst() {
    String superId = DigestAuth.digest("super:root");
    AuthSchemes schemes = new AuthSchemes(Optional.of(superId));
    assertEquals(
        List.of(new Id("super", ""), new Id("digest", superId)),
        schemes.authenticate("digest", "super:root".getBytes(StandardCharsets.UTF_8), "1.2.3.4"));
    assertEquals(
        List.of(new Id("digest", DigestAuth.digest("super:wrong"))),
        schemes.authenticate("digest", "super:wrong".getBytes(StandardCharsets.UTF_8), "1.2.3.4"));
  }

  @Test
  void otherSchemes() {
    AuthSchemes schemes = new AuthSchemes(Optional.empty());
    assertEquals(
        List.of(new Id("ip", "1.2.3.4")), schemes.authenticate("ip", new byte[0], "1.2.3.4"));
    assertNull(schemes.authenticate("world", new byte[0], "1.2.3.4"));
    assertNull(schemes.authenticate("super", new byte[0], "1.2.3.4"));
    assertNull(schemes.authenticate("digest", null, "1.2.3.4"));
    assertEquals("u", AuthSchemes.userOf(new Id("digest", "u:hash")));
    assertEquals("", AuthSchemes.userOf(new Id("super", "")));
  }
}
