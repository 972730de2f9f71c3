package io.paddock.client.internal;

import io.paddock.client.Op;
import io.paddock.client.OpResult;
import io.paddock.client.Ops;
import io.paddock.client.PaddockException;
import io.paddock.client.protocol.CheckVersionRequest;
import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.GetChildrenRequest;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.MultiResponse;
import io.paddock.client.protocol.MultiResult;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.store.model.Acl;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds multi (14) and multiRead (22) calls from {@link Op} lists and turns the per-op results
 * back into {@link OpResult}s (PROTOCOL.md §6.3).
 *
 * <p>Creates go as create2 (15), createContainer (19) or createTTL (21), so every create result
 * carries a stat. A failed multi (reply err 0, every result an error) fails the call with the
 * exception of the first non-OK code, naming that op's path and carrying all results, as
 * ZooKeeper's client does.
 */
public final class MultiOperations {
  private final Chroot chroot;

  /** Multi calls under a chroot. */
  public MultiOperations(Chroot chroot) {
    this.chroot = chroot;
  }

  /**
   * A multi (write ops) or multiRead (read ops) call.
   *
   * @param ops at least one op, all reads or all writes as {@code read} says
   * @throws IllegalArgumentException for an op of the wrong kind, an invalid path or TTL
   */
  public Call<List<OpResult>> multi(List<Op> ops, boolean read) {
    if (ops.isEmpty() || ops.size() > Ops.OPS_MAX) {
      throw new IllegalArgumentException("a multi needs 1.." + Ops.OPS_MAX + " ops");
    }
    List<MultiOp> wire = new ArrayList<>(ops.size());
    String badAclPath = null;
    for (Op op : ops) {
      if (op.isRead() != read) {
        throw new IllegalArgumentException(
            (read ? "multiRead takes only read ops: " : "multi takes only write ops: ") + op);
      }
      if (op instanceof Op.Create c && (c.acl() == null || c.acl().isEmpty())) {
        badAclPath = badAclPath == null ? c.path() : badAclPath;
      }
      wire.add(toWire(op));
    }
    String invalidAcl = badAclPath;
    Call.Preparer preparer =
        invalidAcl == null
            ? null
            : (call, watches) -> {
              throw new PaddockException.InvalidAclException(invalidAcl);
            };
    int opCode = read ? OpCode.MULTI_READ : OpCode.MULTI;
    String firstPath = ops.get(0).path();
    return new Call<>(
        opCode,
        new MultiRequest(wire),
        firstPath,
        (err, body, ctx) -> {
          if (err != ErrorCode.OK.code()) {
            throw PaddockException.create(err, firstPath);
          }
          return results(ops, (MultiResponse) body, read);
        },
        preparer);
  }

  private MultiOp toWire(Op op) {
    if (op instanceof Op.Create c) {
      return createOp(c);
    } else if (op instanceof Op.Delete d) {
      return MultiOp.delete(new DeleteRequest(server(d.path(), false), d.version()));
    } else if (op instanceof Op.SetData s) {
      return MultiOp.setData(new SetDataRequest(server(s.path(), false), s.data(), s.version()));
    } else if (op instanceof Op.Check c) {
      return MultiOp.check(new CheckVersionRequest(server(c.path(), false), c.version()));
    } else if (op instanceof Op.GetData g) {
      return MultiOp.getData(new GetDataRequest(server(g.path(), false), false));
    } else if (op instanceof Op.GetChildren g) {
      return MultiOp.getChildren(new GetChildrenRequest(server(g.path(), false), false));
    }
    throw new IllegalArgumentException("unknown op " + op);
  }

  private MultiOp createOp(Op.Create c) {
    if (c.mode() == null) {
      throw new IllegalArgumentException("create op without a mode: " + c.path());
    }
    Operations.validateTtl(c.mode(), c.ttlMs());
    String path = server(c.path(), c.mode().isSequential());
    // A null ACL cannot be encoded in a multi create; the preparer fails the call with InvalidACL.
    List<Acl> acl = c.acl() == null ? List.of() : c.acl();
    if (c.mode().isTtl()) {
      return MultiOp.createTtl(
          new CreateTtlRequest(path, c.data(), acl, c.mode().flag(), c.ttlMs()));
    }
    CreateRequest request = new CreateRequest(path, c.data(), acl, c.mode().flag());
    return c.mode().isContainer() ? MultiOp.createContainer(request) : MultiOp.create2(request);
  }

  private String server(String clientPath, boolean sequential) {
    ZnodePaths.validate(sequential ? clientPath + "1" : clientPath);
    return chroot.toServer(clientPath);
  }

  private List<OpResult> results(List<Op> ops, MultiResponse response, boolean read)
      throws PaddockException {
    List<OpResult> results = new ArrayList<>(response.results().size());
    int failedAt = -1;
    ErrorCode failure = null;
    for (MultiResult r : response.results()) {
      OpResult result = toResult(r);
      if (failure == null && result instanceof OpResult.Error e && !e.code().isOk()) {
        failedAt = results.size();
        failure = e.code();
      }
      results.add(result);
    }
    if (failure != null && !read) {
      String path = failedAt < ops.size() ? ops.get(failedAt).path() : null;
      throw PaddockException.forMulti(failure, path, results);
    }
    return List.copyOf(results);
  }

  private OpResult toResult(MultiResult r) {
    if (r instanceof MultiResult.CreateResult c) {
      return new OpResult.Create(chroot.toClient(c.path()), null);
    } else if (r instanceof MultiResult.Create2Result c) {
      return new OpResult.Create(chroot.toClient(c.path()), c.stat());
    } else if (r instanceof MultiResult.DeleteResult) {
      return new OpResult.Delete();
    } else if (r instanceof MultiResult.SetDataResult s) {
      return new OpResult.SetData(s.stat());
    } else if (r instanceof MultiResult.CheckResult) {
      return new OpResult.Check();
    } else if (r instanceof MultiResult.GetDataResult g) {
      return new OpResult.GetData(g.data(), g.stat());
    } else if (r instanceof MultiResult.GetChildrenResult g) {
      return new OpResult.GetChildren(g.children());
    }
    return new OpResult.Error(codeOf(((MultiResult.ErrorResult) r).err()));
  }

  /** The ErrorCode of a wire number; an unknown number is SYSTEMERROR. */
  static ErrorCode codeOf(int err) {
    try {
      return ErrorCode.fromCode(err);
    } catch (IllegalArgumentException unknown) {
      return ErrorCode.SYSTEMERROR;
    }
  }
}
