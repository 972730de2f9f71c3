package io.paddock.recipes.leader;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.internal.Blocking;
import io.paddock.recipes.internal.ContestDriver;
import io.paddock.recipes.internal.ParticipantNode;
import io.paddock.recipes.internal.Participants;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Participant listing shared by the leader recipes. */
final class Elections {
  private Elections() {}

  /** The candidates in sequence order, the leader first. */
  static List<Participant> participants(
      PaddockFramework framework, String path, ContestDriver driver)
      throws PaddockException, InterruptedException {
    List<ParticipantNode> nodes = Blocking.await(Participants.list(framework, path, driver));
    List<Participant> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(Participant.of(nodes.get(i), i == 0));
    }
    return out;
  }

  /** The leader, if there is a candidate. */
  static Optional<Participant> leader(PaddockFramework framework, String path, ContestDriver driver)
      throws PaddockException, InterruptedException {
    return participants(framework, path, driver).stream().findFirst();
  }
}
