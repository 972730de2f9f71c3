package io.paddock.client.internal;

import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.SetWatches;
import io.paddock.client.protocol.SetWatches2;
import io.paddock.client.protocol.WireLimits;
import io.paddock.store.model.OpCode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Cuts the armed watches into SetWatches / SetWatches2 requests for re-registration after a
 * reconnect, as ZooKeeper's client does (PROTOCOL.md §4, §8.5): paths are taken data, exist, child,
 * persistent, recursive; a batch takes paths until their summed {@code String.length()} reaches
 * {@link WireLimits#SET_WATCHES_BATCH_CHARS_MAX} (it may go slightly over); a batch with no
 * persistent or recursive path is a SetWatches (101), any other a SetWatches2 (105). Every batch
 * carries the same relativeZxid.
 */
public final class SetWatchesBatcher {
  /**
   * One request to send.
   *
   * @param opCode 101 or 105
   * @param request the record
   */
  public record Batch(int opCode, Request request) {}

  private SetWatchesBatcher() {}

  /**
   * The batches for the given server paths, in sending order; empty when there is no path.
   *
   * @param paths the server paths per kind
   * @param relativeZxid the client's last seen zxid
   */
  public static List<Batch> batches(
      java.util.Map<WatchKind, List<String>> paths, long relativeZxid) {
    List<Iterator<String>> iterators = new ArrayList<>();
    for (WatchKind kind : WatchKind.values()) {
      iterators.add(paths.getOrDefault(kind, List.of()).iterator());
    }
    List<Batch> batches = new ArrayList<>();
    while (iterators.stream().anyMatch(Iterator::hasNext)) {
      List<List<String>> batch = new ArrayList<>();
      for (int i = 0; i < iterators.size(); i++) {
        batch.add(new ArrayList<>());
      }
      int chars = 0;
      while (chars < WireLimits.SET_WATCHES_BATCH_CHARS_MAX) {
        int kind = firstWithNext(iterators);
        if (kind < 0) {
          break;
        }
        String path = iterators.get(kind).next();
        batch.get(kind).add(path);
        chars += path.length();
      }
      batches.add(toBatch(batch, relativeZxid));
    }
    return batches;
  }

  private static int firstWithNext(List<Iterator<String>> iterators) {
    for (int i = 0; i < iterators.size(); i++) {
      if (iterators.get(i).hasNext()) {
        return i;
      }
    }
    return -1;
  }

  private static Batch toBatch(List<List<String>> b, long zxid) {
    List<String> data = b.get(WatchKind.DATA.ordinal());
    List<String> exist = b.get(WatchKind.EXIST.ordinal());
    List<String> child = b.get(WatchKind.CHILD.ordinal());
    List<String> persistent = b.get(WatchKind.PERSISTENT.ordinal());
    List<String> recursive = b.get(WatchKind.PERSISTENT_RECURSIVE.ordinal());
    if (persistent.isEmpty() && recursive.isEmpty()) {
      return new Batch(OpCode.SET_WATCHES, new SetWatches(zxid, data, exist, child));
    }
    return new Batch(
        OpCode.SET_WATCHES2, new SetWatches2(zxid, data, exist, child, persistent, recursive));
  }
}
