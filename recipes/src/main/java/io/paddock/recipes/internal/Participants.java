package io.paddock.recipes.internal;

import io.paddock.client.DataAndStat;
import io.paddock.recipes.PaddockFramework;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.ZnodePaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Lists the contestants of a sequential contest, in sequence order, with their data: the first is
 * the holder (leader, lock owner). A node that goes between the listing and its read is skipped.
 */
public final class Participants {
  private Participants() {}

  /**
   * The participants under {@code basePath}, sorted by sequence.
   *
   * @param driver which children take part
   */
  public static CompletableFuture<List<ParticipantNode>> list(
      PaddockFramework framework, String basePath, ContestDriver driver) {
    return framework
        .getChildren()
        .forPathAsync(basePath)
        .toCompletableFuture()
        .exceptionallyCompose(
            e ->
                Failures.is(e, ErrorCode.NONODE)
                    ? CompletableFuture.completedFuture(List.of())
                    : Failures.failed(e))
        .thenCompose(
            children -> {
              List<String> sorted =
                  children.stream()
                      .filter(driver::isParticipant)
                      .sorted(Sequences.BY_SEQUENCE)
                      .toList();
              List<CompletableFuture<Optional<ParticipantNode>>> reads = new ArrayList<>();
              for (String name : sorted) {
                String path = ZnodePaths.child(basePath, name);
                reads.add(
                    framework
                        .getData()
                        .forPathWithStatAsync(path)
                        .toCompletableFuture()
                        .thenApply((DataAndStat d) -> toNode(name, path, d))
                        .exceptionallyCompose(
                            e ->
                                Failures.is(e, ErrorCode.NONODE)
                                    ? CompletableFuture.completedFuture(Optional.empty())
                                    : Failures.failed(e)));
              }
              return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
                  .thenApply(
                      v ->
                          reads.stream()
                              .map(CompletableFuture::join)
                              .flatMap(Optional::stream)
                              .toList());
            });
  }

  private static Optional<ParticipantNode> toNode(String name, String path, DataAndStat d) {
    return Optional.of(new ParticipantNode(name, path, d.data(), d.stat()));
  }
}
