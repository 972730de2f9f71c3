package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import java.util.ArrayList;
import java.util.List;

/**
 * The reply body of multi (14) and multiRead (22): ZooKeeper's {@code MultiResponse}.
 *
 * <p>Wire form (PROTOCOL.md §6.3): for each result a {@link MultiHeader} {@code (type, false, err)}
 * and its body, then {@link MultiHeader#TERMINATOR}. A failed multi still has ReplyHeader err 0;
 * the failure shows only in the results, all of them {@link MultiResult.ErrorResult}. {@link
 * #firstError()} finds the code ZooKeeper's client throws.
 *
 * <p>Decoding is bounded: at most {@link WireLimits#MULTI_OPS_MAX} results, and every length goes
 * through {@link JuteReader}'s bounds checks.
 *
 * @param results the results in op order; copied into an unmodifiable list
 */
public record MultiResponse(List<MultiResult> results) implements Response {
  /** Copies the results. */
  public MultiResponse {
    results = List.copyOf(results);
  }

  /** The first non-zero error code among the results, or 0 when every op succeeded. */
  public int firstError() {
    for (MultiResult result : results) {
      if (result.err() != 0) {
        return result.err();
      }
    }
    return 0;
  }

  /** Writes every result with its header, then the terminator. */
  @Override
  public void write(JuteWriter out) {
    for (MultiResult result : results) {
      result.write(out);
    }
    MultiHeader.TERMINATOR.write(out);
  }

  /**
   * Reads a multi reply body with the default limit {@link WireLimits#MULTI_OPS_MAX}.
   *
   * @throws MalformedRecordException if the body is cut short, holds an unknown result type, or has
   *     more results than the limit
   */
  public static MultiResponse read(JuteReader in) {
    return read(in, WireLimits.MULTI_OPS_MAX);
  }

  /**
   * Reads a multi reply body holding at most {@code resultsMax} results.
   *
   * @throws MalformedRecordException as {@link #read(JuteReader)}
   */
  public static MultiResponse read(JuteReader in, int resultsMax) {
    List<MultiResult> results = new ArrayList<>();
    MultiHeader header = MultiHeader.read(in);
    while (!header.done()) {
      if (results.size() >= resultsMax) {
        throw new MalformedRecordException(
            "multi reply holds more than " + resultsMax + " results");
      }
      results.add(MultiResult.readBody(header.type(), in));
      header = MultiHeader.read(in);
    }
    return new MultiResponse(results);
  }
}
