package io.paddock.recipes.leader;

import io.paddock.recipes.internal.ParticipantNode;
import java.nio.charset.StandardCharsets;

/**
 * One candidate of an election.
 *
 * @param id the candidate's id (its node's data, UTF-8)
 * @param nodePath the candidate's node
 * @param isLeader true for the first candidate in sequence order
 * @param token the candidate's fencing token (its node's czxid)
 */
public record Participant(String id, String nodePath, boolean isLeader, long token) {
  static Participant of(ParticipantNode node, boolean isLeader) {
    String id = node.data() == null ? "" : new String(node.data(), StandardCharsets.UTF_8);
    return new Participant(id, node.path(), isLeader, node.stat().czxid());
  }
}
