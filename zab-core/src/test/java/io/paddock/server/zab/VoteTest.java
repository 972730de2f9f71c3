package io.paddock.server.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VoteTest {

  private static Vote v(long epoch, long zxid, long id) {
    return new Vote(id, zxid, epoch, 1, ServerState.LOOKING);
  }

  @Test
  void epochThenZxidThenId() {
    assertTrue(v(2, 0, 0).isBetterThan(v(1, 100, 100)), "epoch dominates zxid and id");
    assertTrue(v(1, 5, 0).isBetterThan(v(1, 4, 100)), "zxid dominates id");
    assertTrue(v(1, 5, 3).isBetterThan(v(1, 5, 2)), "id breaks ties");
    assertFalse(v(1, 5, 3).isBetterThan(v(1, 5, 3)));
    assertFalse(v(1, 4, 100).isBetterThan(v(1, 5, 0)));
    assertFalse(v(1, 100, 100).isBetterThan(v(2, 0, 0)));
  }

  @Test
  void electionEpochAndStateDoNotTakePart() {
    Vote a = new Vote(3, 7, 2, 1, ServerState.LOOKING);
    Vote b = new Vote(3, 7, 2, 9, ServerState.LEADING);
    assertEquals(0, Vote.CANDIDATE_ORDER.compare(a, b));
    assertFalse(a.isBetterThan(b));
    assertFalse(b.isBetterThan(a));
  }

  private static final long[] VALUES = {Long.MIN_VALUE, -1, 0, 1, 2, Long.MAX_VALUE};

  /** Exhaustive over a small domain, including extremes: a strict total order on triples. */
  @Test
  void strictTotalOrderOnDistinctTriplesExhaustive() {
    List<Vote> all = new ArrayList<>();
    for (long e : VALUES) {
      for (long z : VALUES) {
        for (long id : VALUES) {
          all.add(v(e, z, id));
        }
      }
    }
    for (Vote a : all) {
      assertFalse(a.isBetterThan(a), "irreflexive " + a);
      for (Vote b : all) {
        boolean same =
            a.proposedEpoch() == b.proposedEpoch()
                && a.proposedZxid() == b.proposedZxid()
                && a.proposedLeader() == b.proposedLeader();
        if (same) {
          assertFalse(a.isBetterThan(b));
          continue;
        }
        // totality and asymmetry: exactly one direction holds
        assertTrue(a.isBetterThan(b) ^ b.isBetterThan(a), a + " vs " + b);
        assertEquals(
            Integer.signum(Vote.CANDIDATE_ORDER.compare(a, b)),
            -Integer.signum(Vote.CANDIDATE_ORDER.compare(b, a)));
      }
    }
    // transitivity on a smaller grid (27^3 triples of votes)
    List<Vote> small = new ArrayList<>();
    for (long e = 0; e < 3; e++) {
      for (long z = 0; z < 3; z++) {
        for (long id = 0; id < 3; id++) {
          small.add(v(e, z, id));
        }
      }
    }
    for (Vote a : small) {
      for (Vote b : small) {
        for (Vote c : small) {
          if (a.isBetterThan(b) && b.isBetterThan(c)) {
            assertTrue(a.isBetterThan(c), a + " > " + b + " > " + c);
          }
        }
      }
    }
  }

  /** Random triples: sorting by the order matches lexicographic order of (epoch, zxid, id). */
  @Test
  void randomTriplesAgreeWithLexicographicOrder() {
    Random rnd = new Random(0x2ab);
    for (int round = 0; round < 200; round++) {
      List<Vote> votes = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        // a narrow range forces ties in the leading fields
        votes.add(
            v(
                rnd.nextInt(3),
                rnd.nextInt(4) - 1,
                rnd.nextBoolean() ? rnd.nextLong() : rnd.nextInt(3)));
      }
      List<Vote> sorted = new ArrayList<>(votes);
      sorted.sort(Vote.CANDIDATE_ORDER);
      for (int i = 1; i < sorted.size(); i++) {
        Vote lo = sorted.get(i - 1);
        Vote hi = sorted.get(i);
        assertFalse(lo.isBetterThan(hi));
        long[] l = {lo.proposedEpoch(), lo.proposedZxid(), lo.proposedLeader()};
        long[] h = {hi.proposedEpoch(), hi.proposedZxid(), hi.proposedLeader()};
        assertTrue(java.util.Arrays.compare(l, h) <= 0, lo + " before " + hi);
        if (java.util.Arrays.compare(l, h) < 0) {
          assertTrue(hi.isBetterThan(lo));
        }
      }
      assertEquals(sorted.get(sorted.size() - 1), Collections.max(votes, Vote.CANDIDATE_ORDER));
    }
  }

  @Test
  void supersedesRejectsObserversAndStrangersAsCandidates() {
    QuorumSpec spec = QuorumSpec.of(List.of(1L, 2L, 3L), List.of(9L));
    Vote current = v(1, 5, 1);
    assertTrue(Vote.supersedes(v(1, 5, 3), current, spec));
    assertFalse(Vote.supersedes(v(1, 5, 9), current, spec), "observer never wins");
    assertFalse(Vote.supersedes(v(2, 5, 9), current, spec), "observer never wins, even newer");
    assertFalse(Vote.supersedes(v(5, 5, 42), current, spec), "non-member never wins");
    assertFalse(Vote.supersedes(v(1, 4, 3), current, spec), "worse vote does not win");
    assertFalse(Vote.supersedes(current, current, spec), "equal vote does not win");
  }

  @Test
  void agreementIgnoresStateOnly() {
    Vote a = new Vote(3, 7, 2, 4, ServerState.LOOKING);
    assertTrue(a.agreesWith(a.withState(ServerState.FOLLOWING)));
    assertFalse(a.agreesWith(new Vote(4, 7, 2, 4, ServerState.LOOKING)));
    assertFalse(a.agreesWith(new Vote(3, 8, 2, 4, ServerState.LOOKING)));
    assertFalse(a.agreesWith(new Vote(3, 7, 3, 4, ServerState.LOOKING)));
    assertFalse(a.agreesWith(new Vote(3, 7, 2, 5, ServerState.LOOKING)));
    assertNotEquals(a, a.withState(ServerState.FOLLOWING));
    assertEquals(ServerState.FOLLOWING, a.withState(ServerState.FOLLOWING).state());
  }

  @Test
  void stateIsRequiredAndCodesRoundTrip() {
    assertThrows(NullPointerException.class, () -> new Vote(1, 1, 1, 1, null));
    for (ServerState s : ServerState.values()) {
      assertEquals(s, ServerState.fromCode(s.code()));
    }
    assertEquals(0, ServerState.LOOKING.code());
    assertEquals(1, ServerState.FOLLOWING.code());
    assertEquals(2, ServerState.LEADING.code());
    assertEquals(3, ServerState.OBSERVING.code());
    assertThrows(IllegalArgumentException.class, () -> ServerState.fromCode(4));
    assertThrows(IllegalArgumentException.class, () -> ServerState.fromCode(-1));
  }
}
