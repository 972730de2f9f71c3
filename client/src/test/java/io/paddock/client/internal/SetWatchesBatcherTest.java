package io.paddock.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.client.protocol.SetWatches;
import io.paddock.client.protocol.SetWatches2;
import io.paddock.client.protocol.WireLimits;
import io.paddock.store.model.OpCode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SetWatches batching and op choice (PROTOCOL.md §4). */
class SetWatchesBatcherTest {
  @Test
  void nothingArmedSendsNothing() {
    assertTrue(SetWatchesBatcher.batches(Map.of(), 5).isEmpty());
  }

  @Test
  void standardWatchesOnlyUseSetWatches() {
    Map<WatchKind, List<String>> paths = new EnumMap<>(WatchKind.class);
    paths.put(WatchKind.DATA, List.of("/a"));
    paths.put(WatchKind.EXIST, List.of("/b"));
    paths.put(WatchKind.CHILD, List.of("/c"));
    List<SetWatchesBatcher.Batch> batches = SetWatchesBatcher.batches(paths, 42);
    assertEquals(1, batches.size());
    assertEquals(OpCode.SET_WATCHES, batches.get(0).opCode());
    assertEquals(
        new SetWatches(42, List.of("/a"), List.of("/b"), List.of("/c")), batches.get(0).request());
  }

  @Test
  void persistentWatchesUseSetWatches2() {
    Map<WatchKind, List<String>> paths = new EnumMap<>(WatchKind.class);
    paths.put(WatchKind.DATA, List.of("/a"));
    paths.put(WatchKind.PERSISTENT_RECURSIVE, List.of("/r"));
    SetWatchesBatcher.Batch batch = SetWatchesBatcher.batches(paths, 7).get(0);
    assertEquals(OpCode.SET_WATCHES2, batch.opCode());
    assertEquals(
        new SetWatches2(7, List.of("/a"), List.of(), List.of(), List.of(), List.of("/r")),
        batch.request());
  }

  @Test
  void batchesCloseOnceTheyReach128KCharsAndKeepEveryPathOnce() {
    List<String> data = new ArrayList<>();
    List<String> persistent = new ArrayList<>();
    String pad = "x".repeat(999);
    for (int i = 0; i < 300; i++) {
      data.add("/" + pad + i % 10 + "/" + i);
      persistent.add("/p" + i);
    }
    Map<WatchKind, List<String>> paths = new EnumMap<>(WatchKind.class);
    paths.put(WatchKind.DATA, data);
    paths.put(WatchKind.PERSISTENT, persistent);
    List<SetWatchesBatcher.Batch> batches = SetWatchesBatcher.batches(paths, 1);
    assertTrue(batches.size() >= 3, "300 kB of paths need several batches");
    List<String> allData = new ArrayList<>();
    List<String> allPersistent = new ArrayList<>();
    for (int i = 0; i < batches.size(); i++) {
      SetWatchesBatcher.Batch b = batches.get(i);
      List<String> d;
      List<String> p;
      if (b.opCode() == OpCode.SET_WATCHES) {
        d = ((SetWatches) b.request()).dataWatches();
        p = List.of();
      } else {
        d = ((SetWatches2) b.request()).dataWatches();
        p = ((SetWatches2) b.request()).persistentWatches();
      }
      int chars =
          d.stream().mapToInt(String::length).sum() + p.stream().mapToInt(String::length).sum();
      int last =
          Math.max(
              d.isEmpty() ? 0 : d.get(d.size() - 1).length(),
              p.isEmpty() ? 0 : p.get(p.size() - 1).length());
      if (i < batches.size() - 1) {
        assertTrue(chars >= WireLimits.SET_WATCHES_BATCH_CHARS_MAX, "a full batch: " + chars);
        assertTrue(chars - last < WireLimits.SET_WATCHES_BATCH_CHARS_MAX, "over by one path only");
      }
      assertEquals(p.isEmpty() ? OpCode.SET_WATCHES : OpCode.SET_WATCHES2, b.opCode());
      allData.addAll(d);
      allPersistent.addAll(p);
    }
    assertEquals(data, allData);
    assertEquals(persistent, allPersistent);
  }
}
