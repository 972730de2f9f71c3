package io.paddock.client.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting shell lines and parsing command and launch options, as zkCli does. */
class ArgsTest {
  @Test
  void splitsWordsAndStripsQuotes() {
    assertEquals(List.of("ls", "/"), ParsedArgs.split("ls /"));
    assertEquals(List.of("ls", "/"), ParsedArgs.split("  ls    /  "));
    assertEquals(
        List.of("create", "/a", "hello world"), ParsedArgs.split("create /a \"hello world\""));
    assertEquals(List.of("set", "/a", "say \"hi\""), ParsedArgs.split("set /a 'say \"hi\"'"));
    assertEquals(List.of("set", "/a", "x y"), ParsedArgs.split("set /a 'x y'"));
    assertEquals(List.of(), ParsedArgs.split(""));
    assertEquals(List.of(), ParsedArgs.split(" \t "));
  }

  @Test
  void optionsAnywhereClusteredOrAttached() throws CliException {
    ParsedArgs a = ParsedArgs.parse(List.of("set", "/a", "x", "-s", "-v", "3"), "sv:b");
    assertEquals(3, a.count());
    assertEquals("/a", a.arg(1));
    assertEquals("x", a.arg(2));
    assertTrue(a.has('s'));
    assertFalse(a.has('b'));
    assertEquals(3, a.intValue('v', -1));

    ParsedArgs clustered = ParsedArgs.parse(List.of("ls", "-sR", "/p"), "swR");
    assertTrue(clustered.has('s') && clustered.has('R') && !clustered.has('w'));
    assertEquals(List.of("ls", "/p"), List.of(clustered.arg(0), clustered.arg(1)));

    ParsedArgs attached = ParsedArgs.parse(List.of("delete", "-v7", "/p"), "v:");
    assertEquals("7", attached.value('v'));
    ParsedArgs flagThenValue = ParsedArgs.parse(List.of("create", "-st", "100", "/p"), "sect:");
    assertTrue(flagThenValue.has('s'));
    assertEquals("100", flagThenValue.value('t'));
    assertEquals("/p", flagThenValue.arg(1));
  }

  @Test
  void negativeNumbersAndDoubleDashAreArguments() throws CliException {
    ParsedArgs negative = ParsedArgs.parse(List.of("set", "/a", "-5", "-v", "-1"), "sv:b");
    assertEquals("-5", negative.arg(2));
    assertEquals(-1, negative.intValue('v', 0));
    ParsedArgs dashed = ParsedArgs.parse(List.of("set", "-s", "--", "/a", "-x"), "sv:b");
    assertTrue(dashed.has('s'));
    assertEquals("-x", dashed.arg(2));
    assertNull(dashed.argOrNull(3));
  }

  @Test
  void badOptionsAreRefusedWithCommonsCliMessages() {
    assertEquals(
        "Unrecognized option: -q",
        assertThrows(CliException.class, () -> ParsedArgs.parse(List.of("ls", "-q", "/"), "swR"))
            .getMessage());
    assertEquals(
        "Missing argument for option: v",
        assertThrows(
                CliException.class, () -> ParsedArgs.parse(List.of("delete", "/a", "-v"), "v:"))
            .getMessage());
    CliException notInt =
        assertThrows(
            CliException.class,
            () -> ParsedArgs.parse(List.of("delete", "-v", "x", "/a"), "v:").intValue('v', -1));
    assertEquals("-v argument must be an int value", notInt.getMessage());
    assertEquals(CliException.EXIT_FAILED, notInt.exitCode());
  }

  @Test
  void launchOptionsDefaultsAndValues() throws CliException {
    LaunchOptions defaults = LaunchOptions.parse(new String[0]);
    assertEquals("localhost:2181", defaults.server());
    assertEquals(30_000, defaults.timeoutMs());
    assertFalse(defaults.readOnly() || defaults.waitForConnection());
    assertEquals(List.of(), defaults.command());

    LaunchOptions all =
        LaunchOptions.parse(
            new String[] {
              "-server",
              "h1:1,h2:2/app",
              "-timeout",
              "5000",
              "-r",
              "-waitforconnection",
              "-client-configuration",
              "zk.props",
              "get",
              "-s",
              "/a"
            });
    assertEquals("h1:1,h2:2/app", all.server());
    assertEquals(5000, all.timeoutMs());
    assertTrue(all.readOnly() && all.waitForConnection());
    assertEquals("zk.props", all.clientConfiguration());
    assertEquals(List.of("get", "-s", "/a"), all.command());
  }

  @Test
  void badLaunchOptionsExitWithTwo() {
    for (String[] args :
        List.of(
            new String[] {"-server"},
            new String[] {"-timeout", "soon"},
            new String[] {"-timeout", "0"},
            new String[] {"-sever", "h:1", "ls", "/"})) {
      CliException e = assertThrows(CliException.class, () -> LaunchOptions.parse(args));
      assertEquals(2, e.exitCode(), e.getMessage());
    }
  }
}
