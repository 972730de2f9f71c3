package io.paddock.store.log;

import static io.paddock.store.log.LogFormat.SEGMENT_HEADER_BYTES;

import io.paddock.store.io.StorageDirectory;
import io.paddock.store.io.StorageFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the segments on disk back to a valid log after a crash, or refuses.
 *
 * <p>The rule: batches are written only after the batch before them was forced (a new segment only
 * after the previous one was), so damage followed by any valid batch proves that durable data was
 * damaged: corruption, refused. Damage with nothing valid after it is a torn tail of a write that
 * never completed its force: cut, with a WARN. A checksum cannot tell a flipped byte in the last
 * batch from a torn write; that batch is cut like a torn tail.
 */
final class LogRecovery {
  private static final Logger LOG = LoggerFactory.getLogger(LogRecovery.class);

  /**
   * The recovered log.
   *
   * @param segments every remaining segment, oldest first
   * @param actions what recovery changed on disk
   */
  record Recovered(List<Segment> segments, List<RecoveryAction> actions) {}

  private final StorageDirectory dir;
  private final LogOptions options;
  private final List<RecoveryAction> actions = new ArrayList<>();

  private LogRecovery(StorageDirectory dir, LogOptions options) {
    this.dir = dir;
    this.options = options;
  }

  /**
   * Scans every segment, cuts a torn tail, deletes trailing segments without valid batches and
   * leftover temporary files, and syncs.
   *
   * @throws LogCorruptedException if damage is followed by valid data, or zxids are out of order
   */
  static Recovered recover(StorageDirectory dir, LogOptions options) throws IOException {
    return new LogRecovery(dir, options).run();
  }

  private Recovered run() throws IOException {
    List<SegmentScan> scans = scanAll();
    int last = scans.size() - 1;
    while (last >= 0 && !scans.get(last).hasValidBatch()) {
      last--;
    }
    for (int i = 0; i <= last; i++) {
      checkIntact(scans.get(i), i == last);
    }
    for (int i = scans.size() - 1; i > last; i--) {
      SegmentScan scan = scans.get(i);
      dir.delete(scan.name);
      act(RecoveryAction.Kind.SEGMENT_DELETED, scan.description, 0, scan.size, scan.emptiness());
    }
    if (last >= 0 && scans.get(last).badOffset >= 0) {
      cutTail(scans.get(last));
    }
    if (!actions.isEmpty()) {
      dir.sync();
    }
    List<Segment> segments = new ArrayList<>();
    for (SegmentScan scan : scans.subList(0, last + 1)) {
      segments.add(new Segment(scan.name, scan.nameZxid, scan.lastZxid, scan.validEnd));
    }
    return new Recovered(segments, List.copyOf(actions));
  }

  private List<SegmentScan> scanAll() throws IOException {
    Map<Long, String> names = new TreeMap<>();
    for (String name : dir.list()) {
      if (name.startsWith(LogFormat.SEGMENT_PREFIX) && name.endsWith(LogFormat.TMP_SUFFIX)) {
        dir.delete(name);
        act(RecoveryAction.Kind.TEMP_DELETED, dir.describe(name), 0, 0, "leftover temporary file");
      } else {
        long zxid = LogFormat.parseSegmentName(name);
        if (zxid != LogFormat.NO_ZXID) {
          names.put(zxid, name);
        } else if (name.startsWith(LogFormat.SEGMENT_PREFIX)) {
          LOG.warn("Ignoring {}: not a txn log segment name", dir.describe(name));
        }
      }
    }
    List<SegmentScan> scans = new ArrayList<>();
    long previous = LogFormat.NO_ZXID;
    for (Map.Entry<Long, String> e : names.entrySet()) {
      SegmentScan scan = SegmentScan.scan(dir, e.getValue(), e.getKey(), previous, options);
      scans.add(scan);
      if (scan.batchCount > 0) {
        previous = scan.lastZxid;
      }
    }
    return scans;
  }

  /** Refuses damage in a segment that valid data follows, in it or in a later segment. */
  private static void checkIntact(SegmentScan scan, boolean last) throws LogCorruptedException {
    if (scan.headerProblem != null) {
      throw new LogCorruptedException(
          scan.description, 0, scan.headerProblem + ", and valid batches follow");
    }
    if (scan.badOffset >= 0 && (!last || scan.validBatchAfterBad)) {
      throw new LogCorruptedException(
          scan.description,
          scan.badOffset,
          scan.badProblem
              + (scan.validBatchAfterBad
                  ? ", and a valid batch follows in this segment"
                  : ", and later segments hold valid batches"));
    }
    if (scan.batchCount == 0) {
      throw new LogCorruptedException(
          scan.description, SEGMENT_HEADER_BYTES, "segment holds no batch, but later segments do");
    }
  }

  private void cutTail(SegmentScan scan) throws IOException {
    try (StorageFile file = dir.open(scan.name)) {
      file.truncate(scan.badOffset);
      file.force();
    }
    act(
        RecoveryAction.Kind.TAIL_CUT,
        scan.description,
        scan.badOffset,
        scan.size - scan.badOffset,
        "torn tail: " + scan.badProblem);
  }

  private void act(RecoveryAction.Kind kind, String file, long offset, long bytes, String reason) {
    RecoveryAction action = new RecoveryAction(kind, file, offset, bytes, reason);
    actions.add(action);
    LOG.warn(
        "Txn log recovery: {} {} at offset {}, {} bytes removed: {}",
        kind,
        file,
        offset,
        bytes,
        reason);
  }
}
