package io.paddock.store.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The production file seam does what the interface promises on a real filesystem. */
class NioStorageDirectoryTest {
  @TempDir Path tmp;

  @Test
  void createsDirectoryAndDoesFileOperations() throws IOException {
    NioStorageDirectory dir = new NioStorageDirectory(tmp.resolve("a/b"));
    assertTrue(Files.isDirectory(tmp.resolve("a/b")));
    try (StorageFile f = dir.create("x")) {
      f.write(5, ByteBuffer.wrap(new byte[] {1, 2, 3}));
      assertEquals(8, f.size());
      ByteBuffer dst = ByteBuffer.allocate(16);
      assertEquals(8, f.read(0, dst), "a read stops only at the end of the file");
      assertArrayEquals(
          new byte[] {0, 0, 0, 0, 0, 1, 2, 3}, java.util.Arrays.copyOf(dst.array(), 8));
      assertEquals(0, f.read(100, ByteBuffer.allocate(4)));
      f.truncate(6);
      f.force();
      assertEquals(6, f.size());
    }
    assertThrows(FileAlreadyExistsException.class, () -> dir.create("x"));
    assertThrows(NoSuchFileException.class, () -> dir.open("y"));
    dir.create("y").close();
    dir.rename("x", "y");
    dir.sync();
    assertEquals(List.of("y"), dir.list());
    try (StorageFile f = dir.open("y")) {
      assertEquals(6, f.size(), "rename replaced the target");
    }
    assertTrue(dir.delete("y"));
    assertFalse(dir.delete("y"));
    assertEquals(tmp.resolve("a/b/y").toAbsolutePath().toString(), dir.describe("y"));
  }

  @Test
  void rejectsNamesThatAreNotPlainFileNames() throws IOException {
    NioStorageDirectory dir = new NioStorageDirectory(tmp);
    for (String bad : List.of("", ".", "..", "a/b", "../x")) {
      assertThrows(IllegalArgumentException.class, () -> dir.create(bad), bad);
    }
  }
}
