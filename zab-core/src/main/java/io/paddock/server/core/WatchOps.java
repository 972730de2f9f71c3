package io.paddock.server.core;

import io.paddock.client.protocol.AddWatchRequest;
import io.paddock.client.protocol.CheckWatchesRequest;
import io.paddock.client.protocol.ErrorResponse;
import io.paddock.client.protocol.RemoveWatchesRequest;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.SetWatches;
import io.paddock.client.protocol.SetWatches2;
import io.paddock.store.model.AddWatchMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.WatcherType;
import io.paddock.store.watch.WatchEvent;
import java.util.List;

/**
 * The watch ops (PROTOCOL 8): setWatches and setWatches2 (missed changes are sent at once, zxid −1,
 * before the reply), addWatch (reply body {@code ErrorResponse(0)}), checkWatches and removeWatches
 * (NOWATCHER when nothing matches). An unknown mode or watcher type is a MARSHALLINGERROR, as
 * ZooKeeper's conversion fails there.
 */
final class WatchOps {
  private final CoreState state;

  WatchOps(CoreState state) {
    this.state = state;
  }

  static boolean handles(int opCode) {
    return opCode == OpCode.SET_WATCHES
        || opCode == OpCode.SET_WATCHES2
        || opCode == OpCode.ADD_WATCH
        || opCode == OpCode.CHECK_WATCHES
        || opCode == OpCode.REMOVE_WATCHES;
  }

  Reply answer(Connection c, int opCode, Request body) {
    return switch (opCode) {
      case OpCode.SET_WATCHES -> {
        SetWatches w = (SetWatches) body;
        yield setWatches(
            c, w.relativeZxid(), w.dataWatches(), w.existWatches(), w.childWatches(), null, null);
      }
      case OpCode.SET_WATCHES2 -> {
        SetWatches2 w = (SetWatches2) body;
        yield setWatches(
            c,
            w.relativeZxid(),
            w.dataWatches(),
            w.existWatches(),
            w.childWatches(),
            w.persistentWatches(),
            w.persistentRecursiveWatches());
      }
      case OpCode.ADD_WATCH -> addWatch(c, (AddWatchRequest) body);
      case OpCode.CHECK_WATCHES -> {
        CheckWatchesRequest r = (CheckWatchesRequest) body;
        yield findWatch(c, r.path(), r.type(), false);
      }
      case OpCode.REMOVE_WATCHES -> {
        RemoveWatchesRequest r = (RemoveWatchesRequest) body;
        yield findWatch(c, r.path(), r.type(), true);
      }
      default -> throw new IllegalArgumentException("not a watch op: " + opCode);
    };
  }

  private Reply setWatches(
      Connection c,
      long relativeZxid,
      List<String> data,
      List<String> exist,
      List<String> child,
      List<String> persistent,
      List<String> recursive) {
    if (hasNull(data)
        || hasNull(exist)
        || hasNull(child)
        || hasNull(persistent)
        || hasNull(recursive)) {
      return Reply.error(ErrorCode.MARSHALLINGERROR);
    }
    List<WatchEvent> now =
        state.watches.setWatches(
            relativeZxid, data, exist, child, persistent, recursive, c, state.tree.nodeZxids());
    for (WatchEvent event : now) {
      state.outbox.notify(c, event);
    }
    return Reply.ok(null);
  }

  private static boolean hasNull(List<String> paths) {
    if (paths == null) {
      return false;
    }
    for (String p : paths) { // not contains(null): immutable lists throw on it
      if (p == null) {
        return true;
      }
    }
    return false;
  }

  private Reply addWatch(Connection c, AddWatchRequest r) {
    AddWatchMode mode = AddWatchMode.fromCode(r.mode());
    if (mode == null || r.path() == null) {
      return Reply.error(ErrorCode.MARSHALLINGERROR);
    }
    if (mode == AddWatchMode.PERSISTENT) {
      state.watches.addPersistentWatch(r.path(), c);
    } else {
      state.watches.addPersistentRecursiveWatch(r.path(), c);
    }
    return Reply.ok(new ErrorResponse(0));
  }

  private Reply findWatch(Connection c, String path, int typeCode, boolean remove) {
    WatcherType type = WatcherType.fromCode(typeCode);
    if (type == null || path == null) {
      return Reply.error(ErrorCode.MARSHALLINGERROR);
    }
    boolean found =
        remove ? state.watches.removeWatches(path, type, c) : state.watches.hasWatch(path, type, c);
    return found ? Reply.ok(null) : Reply.error(ErrorCode.NOWATCHER);
  }
}
