package io.paddock.server.core;

import io.paddock.client.protocol.Create2Response;
import io.paddock.client.protocol.CreateResponse;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.MultiResponse;
import io.paddock.client.protocol.MultiResult;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.SetAclResponse;
import io.paddock.client.protocol.SetDataResponse;
import io.paddock.store.model.OpCode;
import io.paddock.store.tree.ApplyResult;
import io.paddock.store.tree.OpResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The reply to an applied client write, in ZooKeeper's shapes (PROTOCOL 5, 6.3): create a path;
 * create2, createContainer and createTTL a path and a stat; setData and setACL a stat; delete
 * nothing; multi a {@link MultiResponse} under header err 0 even when it failed; a failed single
 * write only the header with its code.
 */
final class WriteReplies {
  private WriteReplies() {}

  static Reply of(int opCode, Request request, ApplyResult applied) {
    if (opCode == OpCode.MULTI && applied.result() instanceof OpResult.MultiResults results) {
      return Reply.ok(new MultiResponse(multiResults((MultiRequest) request, results.results())));
    }
    if (!applied.err().isOk()) {
      return Reply.error(applied.err());
    }
    OpResult r = applied.result();
    return switch (opCode) {
      case OpCode.CREATE -> Reply.ok(new CreateResponse(((OpResult.Created) r).path()));
      case OpCode.CREATE2, OpCode.CREATE_CONTAINER, OpCode.CREATE_TTL -> {
        OpResult.Created c = (OpResult.Created) r;
        yield Reply.ok(new Create2Response(c.path(), c.stat()));
      }
      case OpCode.SET_DATA -> Reply.ok(new SetDataResponse(((OpResult.DataSet) r).stat()));
      case OpCode.SET_ACL -> Reply.ok(new SetAclResponse(((OpResult.AclSet) r).stat()));
      case OpCode.DELETE, OpCode.DELETE_CONTAINER, OpCode.CLOSE_SESSION -> Reply.ok(null);
      default -> throw new IllegalStateException("no reply shape for write op " + opCode);
    };
  }

  /** Per-op results; on failure every one is an ErrorResult (OK, the code, −2 …). */
  private static List<MultiResult> multiResults(MultiRequest request, List<OpResult> results) {
    List<MultiOp> ops = request.ops();
    if (ops.size() != results.size()) {
      throw new IllegalStateException(ops.size() + " multi ops but " + results.size() + " results");
    }
    List<MultiResult> out = new ArrayList<>(results.size());
    for (int i = 0; i < results.size(); i++) {
      out.add(result(ops.get(i).effectiveType(), results.get(i)));
    }
    return out;
  }

  private static MultiResult result(int opType, OpResult r) {
    if (r instanceof OpResult.Failed f) {
      return new MultiResult.ErrorResult(f.err().code());
    } else if (r instanceof OpResult.Created c) {
      return opType == OpCode.CREATE
          ? new MultiResult.CreateResult(c.path())
          : new MultiResult.Create2Result(c.path(), c.stat());
    } else if (r instanceof OpResult.Deleted) {
      return new MultiResult.DeleteResult();
    } else if (r instanceof OpResult.DataSet d) {
      return new MultiResult.SetDataResult(d.stat());
    } else if (r instanceof OpResult.Checked) {
      return new MultiResult.CheckResult();
    }
    throw new IllegalStateException("unexpected multi op result " + r);
  }
}
