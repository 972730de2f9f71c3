package io.paddock.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FourLetterWordsTest {

  @Test
  void starEnablesEveryWord() {
    assertEquals(FourLetterWords.ALL, FourLetterWords.parse("*", false).enabled());
    assertEquals(FourLetterWords.ALL, FourLetterWords.parse(" * ", false).enabled());
    assertEquals(FourLetterWords.ALL, FourLetterWords.parse("ruok, *", false).enabled());
    assertEquals(18, FourLetterWords.ALL.size());
  }

  @Test
  void listWithSpacesAndSrvrAlwaysOn() {
    FourLetterWords.Whitelist w = FourLetterWords.parse("stat, ruok", false);
    assertEquals(Set.of("stat", "ruok", "srvr"), w.enabled());
    assertEquals(List.of(), w.unknownNames());
    assertEquals(Set.of("conf", "srvr"), FourLetterWords.parse("  conf  ,,  ", false).enabled());
  }

  @Test
  void unknownNamesAreDroppedAndReportedInOrder() {
    FourLetterWords.Whitelist w = FourLetterWords.parse("ruok,STAT,bogus, telnet close", false);
    assertEquals(Set.of("ruok", "srvr"), w.enabled());
    assertEquals(List.of("STAT", "bogus", "telnet close"), w.unknownNames());
  }

  @Test
  void emptyValueLeavesOnlySrvrAsInZooKeeper() {
    assertEquals(Set.of("srvr"), FourLetterWords.parse("", false).enabled());
    assertEquals(Set.of("srvr"), FourLetterWords.parse(" , ", false).enabled());
  }

  @Test
  void absentValueIsPaddocksDefault() {
    assertEquals(
        Set.of("srvr", "ruok", "mntr", "isro"), FourLetterWords.parse(null, false).enabled());
    for (String listsClients : List.of("cons", "dump", "wchc", "wchp", "stat")) {
      assertEquals(false, FourLetterWords.PADDOCK_DEFAULT.contains(listsClients), listsClients);
    }
  }

  @Test
  void readOnlyModeAddsIsro() {
    assertEquals(Set.of("isro", "srvr"), FourLetterWords.parse("", true).enabled());
    assertEquals(Set.of("cons", "isro", "srvr"), FourLetterWords.parse("cons", true).enabled());
  }
}
