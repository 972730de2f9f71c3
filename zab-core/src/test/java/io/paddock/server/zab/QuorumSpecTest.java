package io.paddock.server.zab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuorumSpecTest {

  private static List<Long> ids(long from, int n) {
    List<Long> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(from + i);
    }
    return out;
  }

  @Test
  void quorumSizeIsStrictMajority() {
    int[] expected = {0, 1, 2, 2, 3, 3, 4, 4};
    for (int n = 1; n <= 7; n++) {
      assertEquals(expected[n], QuorumSpec.ofVoters(ids(1, n)).quorumSize(), "voters " + n);
      // observers never change the quorum size
      assertEquals(expected[n], QuorumSpec.of(ids(1, n), ids(100, 3)).quorumSize(), "voters " + n);
    }
  }

  /** Every subset of 1..7 voters, with observers and non-members mixed in or not. */
  @Test
  void isQuorumExhaustiveForOneToSevenVoters() {
    List<Long> observers = ids(100, 3);
    List<Long> strangers = Arrays.asList(-1L, 0L, 999L, Long.MAX_VALUE);
    for (int n = 1; n <= 7; n++) {
      List<Long> voters = ids(1, n);
      QuorumSpec spec = QuorumSpec.of(voters, observers);
      for (int mask = 0; mask < (1 << n); mask++) {
        Set<Long> ackers = new HashSet<>();
        for (int i = 0; i < n; i++) {
          if ((mask & (1 << i)) != 0) {
            ackers.add(voters.get(i));
          }
        }
        boolean majority = 2 * Integer.bitCount(mask) > n;
        assertEquals(majority, spec.isQuorum(ackers), "n=" + n + " ackers=" + ackers);

        Set<Long> withOthers = new HashSet<>(ackers);
        withOthers.addAll(observers);
        withOthers.addAll(strangers);
        assertEquals(majority, spec.isQuorum(withOthers), "n=" + n + " ackers=" + withOthers);
      }
    }
  }

  @Test
  void observersAndStrangersAloneNeverFormAQuorum() {
    QuorumSpec spec = QuorumSpec.of(List.of(1L), List.of(2L, 3L, 4L, 5L));
    assertFalse(spec.isQuorum(Set.of(2L, 3L, 4L, 5L, 6L, 7L)));
    assertFalse(spec.isQuorum(Set.of()));
    assertTrue(spec.isQuorum(Set.of(1L)));
  }

  @Test
  void evenEnsembleNeedsMoreThanHalf() {
    QuorumSpec spec = QuorumSpec.ofVoters(List.of(1L, 2L, 3L, 4L));
    assertFalse(spec.isQuorum(Set.of(1L, 2L)));
    assertTrue(spec.isQuorum(Set.of(1L, 2L, 3L)));
  }

  @Test
  void membership() {
    QuorumSpec spec = QuorumSpec.of(List.of(3L, 1L, 2L), List.of(7L));
    assertTrue(spec.isVoter(1L));
    assertFalse(spec.isVoter(7L));
    assertTrue(spec.isObserver(7L));
    assertFalse(spec.isObserver(1L));
    assertTrue(spec.isMember(7L));
    assertTrue(spec.isMember(2L));
    assertFalse(spec.isMember(4L));
    assertEquals(List.of(3L, 1L, 2L), new ArrayList<>(spec.voters()));
    assertEquals(Set.of(7L), spec.observers());
    assertThrows(UnsupportedOperationException.class, () -> spec.voters().add(9L));
    assertThrows(UnsupportedOperationException.class, () -> spec.observers().add(9L));
  }

  @Test
  void validation() {
    assertThrows(IllegalArgumentException.class, () -> QuorumSpec.ofVoters(List.of()));
    assertThrows(IllegalArgumentException.class, () -> QuorumSpec.of(List.of(), List.of(1L)));
    assertThrows(IllegalArgumentException.class, () -> QuorumSpec.ofVoters(List.of(1L, 2L, 1L)));
    assertThrows(IllegalArgumentException.class, () -> QuorumSpec.of(List.of(1L), List.of(2L, 2L)));
    assertThrows(IllegalArgumentException.class, () -> QuorumSpec.of(List.of(1L, 2L), List.of(2L)));
    assertThrows(NullPointerException.class, () -> QuorumSpec.ofVoters(Arrays.asList(1L, null)));
    assertThrows(NullPointerException.class, () -> QuorumSpec.of(null, List.of()));
  }

  @Test
  void isQuorumToleratesNullInAckers() {
    QuorumSpec spec = QuorumSpec.ofVoters(List.of(1L));
    Set<Long> ackers = new HashSet<>(Arrays.asList(null, 1L));
    assertTrue(spec.isQuorum(ackers));
  }

  @Test
  void equality() {
    assertEquals(
        QuorumSpec.of(List.of(1L, 2L), List.of(3L)), QuorumSpec.of(List.of(2L, 1L), List.of(3L)));
    assertEquals(
        QuorumSpec.of(List.of(1L, 2L), List.of(3L)).hashCode(),
        QuorumSpec.of(List.of(2L, 1L), List.of(3L)).hashCode());
    assertFalse(
        QuorumSpec.ofVoters(List.of(1L, 2L)).equals(QuorumSpec.of(List.of(1L), List.of(2L))));
  }
}
