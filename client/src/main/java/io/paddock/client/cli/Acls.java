package io.paddock.client.cli;

import io.paddock.store.model.Acl;
import io.paddock.store.model.Id;
import io.paddock.store.model.Perms;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses zkCli's ACL syntax: {@code scheme:id:perms[,scheme:id:perms…]}, perms from the letters
 * {@code r w c d a}. The id may itself hold colons ({@code digest:user:hash:cdrwa}): it runs from
 * the first colon to the last. As zkCli does, a malformed entry or an unknown letter is reported on
 * stderr and skipped, not fatal (the server then judges what is left).
 */
final class Acls {
  private Acls() {}

  /** The ACL list of the text; problems go to {@code printer}'s stderr. */
  static List<Acl> parse(String text, Printer printer) {
    List<Acl> acl = new ArrayList<>();
    for (String entry : text.split(",")) {
      int first = entry.indexOf(':');
      int last = entry.lastIndexOf(':');
      if (first < 0 || first == last) {
        printer.err(entry + " does not have the form scheme:id:perm");
        continue;
      }
      Id id = new Id(entry.substring(0, first), entry.substring(first + 1, last));
      acl.add(new Acl(perms(entry.substring(last + 1), printer), id));
    }
    return acl;
  }

  private static int perms(String letters, Printer printer) {
    int perms = 0;
    for (int i = 0; i < letters.length(); i++) {
      switch (letters.charAt(i)) {
        case 'r' -> perms |= Perms.READ;
        case 'w' -> perms |= Perms.WRITE;
        case 'c' -> perms |= Perms.CREATE;
        case 'd' -> perms |= Perms.DELETE;
        case 'a' -> perms |= Perms.ADMIN;
        default -> printer.err("Unknown perm type: " + letters.charAt(i));
      }
    }
    return perms;
  }
}
