package io.paddock.store.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A buffer slice outside its array is refused before anything is written. */
class JuteWriterSliceTest {
  @Test
  void badSliceLeavesNoHalfWrittenRecord() {
    JuteWriter out = new JuteWriter();
    out.writeInt(7);
    assertThrows(IndexOutOfBoundsException.class, () -> out.writeBuffer(new byte[4], 2, 3));
    assertThrows(IndexOutOfBoundsException.class, () -> out.writeBuffer(new byte[4], -1, 1));
    assertEquals(4, out.size(), "nothing of the refused buffer may remain");
  }
}
