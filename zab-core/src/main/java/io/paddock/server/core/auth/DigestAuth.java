package io.paddock.server.core.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The {@code digest} scheme, as ZooKeeper's {@code DigestAuthenticationProvider}: a client sends
 * {@code user:password}; its id becomes {@code user:base64(sha1("user:password"))}, which ACL ids
 * must equal.
 */
public final class DigestAuth {
  /** The scheme name. */
  public static final String SCHEME = "digest";

  private static final String ALGORITHM = "SHA1";

  private DigestAuth() {}

  /**
   * The id of {@code userPassword}: the part before the first ':' (the whole text when there is
   * none), a ':', and the base64 SHA-1 of the whole text. Example: {@code u:p} gives {@code
   * u:Jq7wMyA/w2Vd5WIDAKdu4OIIFEQ=}.
   */
  public static String digest(String userPassword) {
    String user = userPassword.split(":", 2)[0];
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance(ALGORITHM);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM has no " + ALGORITHM, e);
    }
    byte[] hash = sha1.digest(userPassword.getBytes(StandardCharsets.UTF_8));
    return user + ":" + Base64.getEncoder().encodeToString(hash);
  }

  /** True when {@code aclId} is a valid digest ACL id: {@code split(":")} gives two parts. */
  public static boolean isValid(String aclId) {
    return aclId.split(":").length == 2;
  }

  /** The user name shown by whoAmI: the part before the first ':'. */
  public static String userName(String id) {
    return id.split(":")[0];
  }
}
