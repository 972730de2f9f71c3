package io.paddock.store.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PROTOCOL 9.1 path rules, rule by rule, plus the path helpers and 9.2's sequential suffix. */
class ZnodePathsTest {

  @ParameterizedTest(name = "valid: {0}")
  @ValueSource(
      strings = {
        "/",
        "/a",
        "/a/b/c",
        "/a/.b", // a dot starting a longer segment
        "/a/b.", // a dot ending one
        "/a/...", // three dots are a name
        "/..a",
        "/a/b..",
        "/.zookeeper",
        "/a b",
        "/~",
        "/zookeeper/quota",
        "/\u00a0", // first allowed char after the C1 block
        "/\u00ff",
        "/\ud7ff", // last before the surrogates
        "/\uf900", // first after the private-use block
        "/\uffef", // last before the specials
        "/中文"
      })
  void validPaths(String path) {
    assertNull(ZnodePaths.invalidReason(path), path);
    assertTrue(ZnodePaths.isValid(path));
    assertSame(path, ZnodePaths.validate(path));
  }

  @ParameterizedTest(name = "invalid: {0} ({1})")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|Path length must be > 0",
        "a|Path must start with / character",
        "a/b|Path must start with / character",
        "/a/|Path must not end with / character",
        "//|Path must not end with / character",
        "/a//b|empty node name specified @3",
        "//a|empty node name specified @1",
        "/.|relative paths not allowed @1",
        "/..|relative paths not allowed @2",
        "/a/.|relative paths not allowed @3",
        "/a/..|relative paths not allowed @4",
        "/a/./b|relative paths not allowed @3",
        "/a/../b|relative paths not allowed @4",
      })
  void invalidPathsWithZooKeepersReason(String path, String reason) {
    assertEquals(reason, ZnodePaths.invalidReason(path), path);
    assertFalse(ZnodePaths.isValid(path));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ZnodePaths.validate(path));
    assertEquals("Invalid path string \"" + path + "\" caused by " + reason, e.getMessage());
  }

  @Test
  void nullPath() {
    assertEquals("Path cannot be null", ZnodePaths.invalidReason(null));
    assertThrows(IllegalArgumentException.class, () -> ZnodePaths.validate(null));
  }

  @ParameterizedTest(name = "forbidden U+{0}")
  @ValueSource(
      ints = {
        0x0000, 0x0001, 0x001f, 0x007f, 0x0080, 0x009f, 0xd800, 0xdbff, 0xdc00, 0xe000, 0xf8ff,
        0xfff0, 0xfffe, 0xffff
      })
  void forbiddenCharacters(int codeUnit) {
    String path = "/a" + (char) codeUnit + "b";
    String expected = codeUnit == 0 ? "null character not allowed @2" : "invalid character @2";
    assertEquals(expected, ZnodePaths.invalidReason(path), Integer.toHexString(codeUnit));
  }

  @ParameterizedTest(name = "allowed U+{0}")
  @ValueSource(ints = {0x0020, 0x007e, 0x00a0, 0x00a1, 0x07ff, 0xd7ff, 0xf900, 0xfeff, 0xffef})
  void allowedCharactersAtTheEdgesOfTheForbiddenRanges(int codeUnit) {
    assertTrue(ZnodePaths.isValid("/a" + (char) codeUnit), Integer.toHexString(codeUnit));
  }

  @Test
  void supplementaryCharactersAreRejectedBecauseTheirSurrogatesAre() {
    assertFalse(ZnodePaths.isValid("/\ud83d\ude00"));
  }

  @Test
  void parentNameAndChild() {
    assertEquals("/", ZnodePaths.parent("/a"));
    assertEquals("/a", ZnodePaths.parent("/a/b"));
    assertEquals("/a/b", ZnodePaths.parent("/a/b/c"));
    assertThrows(IllegalArgumentException.class, () -> ZnodePaths.parent("/"));
    assertEquals("c", ZnodePaths.name("/a/b/c"));
    assertEquals("a", ZnodePaths.name("/a"));
    assertEquals("", ZnodePaths.name("/"));
    assertEquals("/a", ZnodePaths.child("/", "a"));
    assertEquals("/a/b", ZnodePaths.child("/a", "b"));
    for (String p : new String[] {"/a", "/a/b", "/x/y/z"}) {
      assertEquals(p, ZnodePaths.child(ZnodePaths.parent(p), ZnodePaths.name(p)), p);
    }
  }

  @Test
  void specialPathsAndSubtrees() {
    for (String p : new String[] {"/", "/zookeeper", "/zookeeper/quota", "/zookeeper/config"}) {
      assertTrue(ZnodePaths.isSpecial(p), p);
    }
    assertFalse(ZnodePaths.isSpecial("/zookeeper/other"));
    assertTrue(ZnodePaths.isAtOrBelow("/a", "/a"));
    assertTrue(ZnodePaths.isAtOrBelow("/a/b", "/a"));
    assertTrue(ZnodePaths.isAtOrBelow("/anything", "/"));
    assertFalse(ZnodePaths.isAtOrBelow("/ab", "/a"), "a shared prefix is not a subtree");
    assertFalse(ZnodePaths.isAtOrBelow("/a", "/a/b"));
    assertTrue(ZnodePaths.hasSlashAndNoNul("/m2/"));
    assertFalse(ZnodePaths.hasSlashAndNoNul("bad"));
    assertFalse(ZnodePaths.hasSlashAndNoNul("/a\u0000"));
    assertFalse(ZnodePaths.hasSlashAndNoNul(null));
  }

  @ParameterizedTest(name = "cversion {0} → {1}")
  @CsvSource({
    "0, /a/q0000000000",
    "3, /a/q0000000003",
    "2147483647, /a/q2147483647",
    "-1, /a/q-000000001",
    "-2147483648, /a/q-2147483648"
  })
  void sequentialNameIsTenDigitsWithJavasSignHandling(int cversion, String expected) {
    assertEquals(expected, ZnodePaths.sequentialName("/a/q", cversion));
  }

  @Test
  void sequentialNameUsesAsciiDigitsWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
      assertEquals("/s0000000042", ZnodePaths.sequentialName("/s", 42));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
