package io.paddock.store.model;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.Objects;

/**
 * An identity in an ACL: a scheme and an id within it, such as {@code world:anyone} or {@code
 * digest:user:hash}. Jute record {@code Id(ustring scheme, ustring id)}.
 *
 * @param scheme the auth scheme, for example {@code world}, {@code digest}, {@code ip}
 * @param id the id within the scheme
 */
public record Id(String scheme, String id) {
  /** {@code world:anyone}. */
  public static final Id ANYONE = new Id("world", "anyone");

  /** {@code auth:} — stands for every authenticated id of the session, expanded on create. */
  public static final Id AUTH = new Id("auth", "");

  /** Checks both parts are present. */
  public Id {
    Objects.requireNonNull(scheme, "scheme");
    Objects.requireNonNull(id, "id");
  }

  /** Writes the jute form. */
  public void write(JuteWriter out) {
    out.writeString(scheme);
    out.writeString(id);
  }

  /** Reads the jute form; null strings become empty, as ZooKeeper's server tolerates. */
  public static Id read(JuteReader in) {
    String scheme = in.readString();
    String id = in.readString();
    return new Id(scheme == null ? "" : scheme, id == null ? "" : id);
  }

  @Override
  public String toString() {
    return scheme + ":" + id;
  }
}
