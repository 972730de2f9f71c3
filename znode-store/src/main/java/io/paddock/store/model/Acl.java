package io.paddock.store.model;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import java.util.List;
import java.util.Objects;

/**
 * One ACL entry: permission bits granted to an {@link Id}. Jute record {@code ACL(int perms, Id
 * id)}.
 *
 * @param perms the {@link Perms} bits
 * @param id who gets them
 */
public record Acl(int perms, Id id) {
  /** The smallest encoding of one entry: perms plus two empty strings. */
  public static final int ENCODED_BYTES_MIN = 4 + 4 + 4;

  /** {@code [ALL, world:anyone]}: anyone may do anything. */
  public static final List<Acl> OPEN_ACL_UNSAFE = List.of(new Acl(Perms.ALL, Id.ANYONE));

  /** {@code [ALL, auth:]}: only the creator's authenticated ids. */
  public static final List<Acl> CREATOR_ALL_ACL = List.of(new Acl(Perms.ALL, Id.AUTH));

  /** {@code [READ, world:anyone]}: anyone may read. */
  public static final List<Acl> READ_ACL_UNSAFE = List.of(new Acl(Perms.READ, Id.ANYONE));

  /** Checks the id is present. */
  public Acl {
    Objects.requireNonNull(id, "id");
  }

  /** Writes the jute form. */
  public void write(JuteWriter out) {
    out.writeInt(perms);
    id.write(out);
  }

  /** Reads the jute form. */
  public static Acl read(JuteReader in) {
    int perms = in.readInt();
    return new Acl(perms, Id.read(in));
  }

  /** Writes a {@code vector<ACL>}; null writes the null vector. */
  public static void writeList(JuteWriter out, List<Acl> acl) {
    out.writeVector(acl, (w, a) -> a.write(w));
  }

  /** Reads a {@code vector<ACL>}; the null vector reads as null. */
  public static List<Acl> readList(JuteReader in) {
    return in.readVector(Acl::read, ENCODED_BYTES_MIN);
  }

  @Override
  public String toString() {
    return id + "#" + perms;
  }
}
