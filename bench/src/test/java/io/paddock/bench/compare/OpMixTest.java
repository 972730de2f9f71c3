package io.paddock.bench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpMixTest {

  @Test
  void everyPercentPicksAnOpAndTheCountsEqualTheWeights() {
    OpMix mix = OpMix.parse("getData=90, setData=7,multi=3");
    Map<OpKind, Integer> counts = new EnumMap<>(OpKind.class);
    for (int p = 0; p < OpMix.WEIGHT_TOTAL; p++) {
      counts.merge(mix.pick(p), 1, Integer::sum);
    }
    assertEquals(Map.of(OpKind.GET_DATA, 90, OpKind.SET_DATA, 7, OpKind.MULTI, 3), counts);
    assertEquals(0.10, mix.writeShare(), 1e-9);
    assertTrue(mix.usesKeySpace());
    assertFalse(mix.createsNodes());
  }

  @Test
  void weightsMustSumToOneHundred() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> OpMix.parse("getData=90,setData=5"));
    assertTrue(e.getMessage().contains("sum to 95"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> OpMix.parse("getData=101"));
  }

  @Test
  void anOpNamedTwiceOrUnknownOrWithoutWeightIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> OpMix.parse("getData=50,getdata=50"));
    assertThrows(IllegalArgumentException.class, () -> OpMix.parse("getChildren=100"));
    assertThrows(IllegalArgumentException.class, () -> OpMix.parse("getData"));
    assertThrows(IllegalArgumentException.class, () -> OpMix.parse("getData=0,setData=100"));
  }

  @Test
  void createAndDeleteMixOwnsNodesAndTouchesNoKeys() {
    OpMix mix = OpMix.parse("create=50,delete=50");
    assertTrue(mix.createsNodes());
    assertFalse(mix.usesKeySpace());
    assertEquals(1.0, mix.writeShare(), 1e-9);
    assertEquals("create=50,delete=50", mix.toString());
  }

  @Test
  void singleOpMixAlwaysPicksThatOp() {
    OpMix mix = OpMix.only(OpKind.EXISTS);
    for (int p = 0; p < OpMix.WEIGHT_TOTAL; p++) {
      assertEquals(OpKind.EXISTS, mix.pick(p));
    }
    assertEquals(0.0, mix.writeShare(), 1e-9);
  }
}
