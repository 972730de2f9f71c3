package io.paddock.server.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VoteTallyTest {

  private static final QuorumSpec FIVE = QuorumSpec.of(List.of(1L, 2L, 3L, 4L, 5L), List.of(9L));
  private static final Vote FOR_3 = new Vote(3, 0x100000005L, 1, 7, ServerState.LOOKING);
  private static final Vote FOR_5 = new Vote(5, 0x100000004L, 1, 7, ServerState.LOOKING);

  @Test
  void quorumNeedsAMajorityOfAgreeingVoters() {
    VoteTally t = new VoteTally(FIVE);
    assertFalse(t.hasQuorumFor(FOR_3));
    t.record(1, FOR_3);
    t.record(2, FOR_3);
    t.record(4, FOR_5);
    t.record(5, FOR_5);
    assertFalse(t.hasQuorumFor(FOR_3));
    assertFalse(t.hasQuorumFor(FOR_5));
    t.record(3, FOR_3.withState(ServerState.FOLLOWING)); // state does not matter
    assertTrue(t.hasQuorumFor(FOR_3));
    assertFalse(t.hasQuorumFor(FOR_5));
    assertEquals(Set.of(1L, 2L, 3L), t.supporters(FOR_3));
  }

  @Test
  void observerAndStrangerVotesDoNotCount() {
    VoteTally t = new VoteTally(FIVE);
    t.record(1, FOR_3);
    t.record(2, FOR_3);
    t.record(9, FOR_3); // observer
    t.record(42, FOR_3); // not a member
    assertFalse(t.hasQuorumFor(FOR_3));
    assertEquals(Set.of(1L, 2L, 9L, 42L), t.supporters(FOR_3));
  }

  @Test
  void aNewerVoteFromTheSameSenderReplacesTheOld() {
    VoteTally t = new VoteTally(FIVE);
    assertNull(t.record(1, FOR_5));
    t.record(2, FOR_3);
    t.record(3, FOR_3);
    assertEquals(FOR_5, t.record(1, FOR_3));
    assertTrue(t.hasQuorumFor(FOR_3));
    t.record(3, FOR_5);
    assertFalse(t.hasQuorumFor(FOR_3), "sender 3 changed its mind");
    assertEquals(3, t.size());
    assertEquals(FOR_5, t.voteOf(3));
  }

  @Test
  void votesFromAnotherElectionRoundDoNotAgree() {
    VoteTally t = new VoteTally(FIVE);
    Vote oldRound = new Vote(3, 0x100000005L, 1, 6, ServerState.LOOKING);
    t.record(1, FOR_3);
    t.record(2, oldRound);
    t.record(3, oldRound);
    assertFalse(t.hasQuorumFor(FOR_3));
    assertFalse(t.hasQuorumFor(oldRound), "only two voters in the old round");
  }

  @Test
  void clearAndViews() {
    VoteTally t = new VoteTally(FIVE);
    t.record(1, FOR_3);
    t.record(2, FOR_3);
    t.record(3, FOR_3);
    assertTrue(t.hasQuorumFor(FOR_3));
    assertThrows(UnsupportedOperationException.class, () -> t.votes().put(4L, FOR_3));
    assertEquals(3, t.votes().size());
    t.clear();
    assertEquals(0, t.size());
    assertFalse(t.hasQuorumFor(FOR_3));
    assertEquals(FIVE, t.spec());
    assertThrows(NullPointerException.class, () -> t.record(1, null));
    assertThrows(NullPointerException.class, () -> new VoteTally(null));
  }

  @Test
  void singleVoterIsItsOwnQuorum() {
    VoteTally t = new VoteTally(QuorumSpec.ofVoters(List.of(7L)));
    t.record(7, FOR_3);
    assertTrue(t.hasQuorumFor(FOR_3));
  }
}
