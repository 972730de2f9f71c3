package io.paddock.server.core;

import io.paddock.client.protocol.GetChildrenRequest;
import io.paddock.client.protocol.GetChildrenResponse;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.GetDataResponse;
import io.paddock.client.protocol.MultiOp;
import io.paddock.client.protocol.MultiRequest;
import io.paddock.client.protocol.MultiResponse;
import io.paddock.client.protocol.MultiResult;
import java.util.ArrayList;
import java.util.List;

/**
 * multiRead (op 22, PROTOCOL 6.3): each op on its own, a failing op gives an error result and the
 * others still return data; no zxid is consumed. The ops' watch flags are ignored, as ZooKeeper's
 * decoder drops them.
 */
final class MultiReads {
  private MultiReads() {}

  /**
   * The response, or null when the multi holds write ops (ZooKeeper answers MARSHALLINGERROR: its
   * multiRead handler refuses any other op type).
   */
  static MultiResponse answer(ReadOps reads, Connection c, MultiRequest request) {
    List<MultiResult> results = new ArrayList<>(request.ops().size());
    for (MultiOp op : request.ops()) {
      if (op.request() instanceof GetDataRequest r) {
        Reply reply = reads.getData(c, r.path(), false);
        results.add(
            reply.err().isOk()
                ? new MultiResult.GetDataResult(
                    ((GetDataResponse) reply.body()).data(),
                    ((GetDataResponse) reply.body()).stat())
                : new MultiResult.ErrorResult(reply.err().code()));
      } else if (op.request() instanceof GetChildrenRequest r) {
        Reply reply = reads.getChildren(c, r.path(), false, false);
        results.add(
            reply.err().isOk()
                ? new MultiResult.GetChildrenResult(((GetChildrenResponse) reply.body()).children())
                : new MultiResult.ErrorResult(reply.err().code()));
      } else {
        return null;
      }
    }
    return new MultiResponse(results);
  }
}
