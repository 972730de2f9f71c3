package io.paddock.client.cli;

import io.paddock.client.AclAndStat;
import io.paddock.client.PaddockException;
import io.paddock.client.protocol.ClientInfo;
import io.paddock.store.model.Acl;
import io.paddock.store.model.Stat;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The commands about access: getAcl, setAcl, addauth, whoami. */
final class AclCommands {
  private AclCommands() {}

  static void addTo(CommandTable table) {
    table.add("getAcl", "[-s] path", "s", AclCommands::getAcl);
    table.add("setAcl", "[-s] [-v version] [-R] path acl", "sv:R", AclCommands::setAcl);
    table.add("addauth", "scheme auth", "", AclCommands::addAuth);
    table.add("whoami", "", "", AclCommands::whoAmI);
  }

  private static void getAcl(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("getAcl [-s] path");
    }
    String path = args.arg(1);
    Formats.checkPath(path, false);
    AclAndStat result = session.blocking().getAcl(path);
    for (Acl entry : result.acl()) {
      session.printer().out(Formats.aclEntry(entry.id(), entry.perms()));
    }
    if (args.has('s')) {
      session.printer().stat(result.stat());
    }
  }

  private static void setAcl(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 3) {
      throw new CliException("setAcl [-s] [-v version] [-R] path acl");
    }
    String path = args.arg(1);
    List<Acl> acl = Acls.parse(args.arg(2), session.printer());
    int version = args.intValue('v', -1);
    Formats.checkPath(path, false);
    if (args.has('R')) {
      // zkCli walks the subtree (the root first) and reports each failure without stopping
      session.getData(path, false);
      setAclReporting(session, path, acl, version);
      ReadCommands.visitChildren(
          session, path, false, node -> setAclReporting(session, node, acl, version));
    } else {
      Stat stat = session.blocking().setAcl(path, acl, version);
      if (args.has('s')) {
        session.printer().stat(stat);
      }
    }
  }

  private static void setAclReporting(CliSession session, String path, List<Acl> acl, int version)
      throws InterruptedException {
    try {
      session.blocking().setAcl(path, acl, version);
    } catch (PaddockException e) {
      session.printer().out(e.getMessage());
    }
  }

  private static void addAuth(CliSession session, ParsedArgs args)
      throws CliException, PaddockException, InterruptedException {
    if (args.count() < 2) {
      throw new CliException("addauth scheme auth");
    }
    String auth = args.argOrNull(2);
    byte[] bytes = auth == null ? new byte[0] : auth.getBytes(StandardCharsets.UTF_8);
    try {
      session.blocking().addAuthInfo(args.arg(1), bytes);
    } catch (PaddockException.AuthFailedException e) {
      // zkCli prints nothing here: the AuthFailed state event tells the user
    }
  }

  private static void whoAmI(CliSession session, ParsedArgs args)
      throws PaddockException, InterruptedException {
    List<ClientInfo> infos = session.blocking().whoAmI();
    StringBuilder text = new StringBuilder("Auth scheme: User");
    for (ClientInfo info : infos) {
      text.append(System.lineSeparator())
          .append(info.authScheme())
          .append(": ")
          .append(info.user());
    }
    session.printer().out(text.toString());
  }
}
