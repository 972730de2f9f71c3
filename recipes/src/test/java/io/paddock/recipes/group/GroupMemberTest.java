package io.paddock.recipes.group;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.testing.RecipeTestBase;
import io.paddock.store.model.WatcherType;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Group membership: everyone sees everyone, data changes, session loss, leaving cleanly. */
class GroupMemberTest extends RecipeTestBase {

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private GroupMember join(PaddockFramework fw, String id) throws Exception {
    GroupMember m = closeAfter(new GroupMember(fw, "/grp/g1", id, bytes(id + "-data")));
    m.start();
    assertTrue(m.awaitJoined(WAIT));
    return m;
  }

  @Test
  void membersSeeEachOtherTheirDataAndALostSessionMemberComesBack() throws Exception {
    PaddockFramework fa = newFramework();
    PaddockFramework fb = newFramework();
    GroupMember a = join(fa, "a");
    List<String> seenByA = new CopyOnWriteArrayList<>();
    a.addListener(
        new GroupListener() {
          @Override
          public void memberJoined(String memberId, byte[] data) {
            seenByA.add("joined " + memberId);
          }

          @Override
          public void memberChanged(String memberId, byte[] data) {
            seenByA.add("changed " + memberId + " " + new String(data, StandardCharsets.UTF_8));
          }

          @Override
          public void memberLeft(String memberId) {
            seenByA.add("left " + memberId);
          }
        });
    GroupMember b = join(fb, "b");
    await().atMost(WAIT).until(() -> a.currentMembers().keySet().equals(Set.of("a", "b")));
    assertEquals(Set.of("a", "b"), b.currentMembers().keySet());
    assertArrayEquals(bytes("b-data"), a.currentMembers().get("b"));

    b.setThisData(bytes("b2"));
    await().atMost(WAIT).until(() -> seenByA.contains("changed b b2"));

    expireSession(fb);
    await().atMost(WAIT).until(() -> seenByA.contains("left b"));
    await()
        .atMost(WAIT)
        .until(() -> seenByA.stream().filter(s -> s.equals("joined b")).count() == 2);
    assertArrayEquals(bytes("b2"), a.currentMembers().get("b"), "rejoins with its latest data");
    assertEquals(fb.client().sessionId(), fa.checkExists().forPath("/grp/g1/b").ephemeralOwner());

    b.close();
    await().atMost(WAIT).until(() -> seenByA.get(seenByA.size() - 1).equals("left b"));
    assertEquals(Set.of("a"), a.currentMembers().keySet());
    assertNull(fa.checkExists().forPath("/grp/g1/b"));
    await().atMost(WAIT).until(() -> !hasWatch(fb, "/grp/g1", WatcherType.ANY));
  }

  @Test
  void afterAServerRestartTheGroupShowsEveryMemberAgain() throws Exception {
    PaddockFramework fa = newFramework();
    PaddockFramework fb = newFramework();
    GroupMember a = closeAfter(new GroupMember(fa, "/grp/g2", "a", bytes("a")));
    GroupMember b = closeAfter(new GroupMember(fb, "/grp/g2", "b", bytes("b")));
    a.start();
    b.start();
    await().atMost(WAIT).until(() -> a.currentMembers().size() == 2);
    core().stop();
    await().atMost(WAIT).until(() -> !fa.isConnected());
    core().start();
    assertTrue(fa.blockUntilConnected(WAIT));
    await()
        .atMost(WAIT)
        .until(
            () ->
                a.currentMembers().keySet().equals(Set.of("a", "b"))
                    && fa.getChildren().forPath("/grp/g2").size() == 2);
    b.close();
    await().atMost(WAIT).until(() -> a.currentMembers().keySet().equals(Set.of("a")));
  }

  @Test
  void aMemberWhoseFrameworkClosesLeavesAndInvalidIdsAreRefused() throws Exception {
    PaddockFramework fa = newFramework();
    PaddockFramework fc = newFramework();
    GroupMember a = join(fa, "a");
    join(fc, "c");
    await().atMost(WAIT).until(() -> a.currentMembers().size() == 2);
    fc.close();
    await().atMost(WAIT).until(() -> a.currentMembers().keySet().equals(Set.of("a")));
    assertThrows(IllegalArgumentException.class, () -> new GroupMember(fa, "/grp/g1", "x/y", null));
    assertThrows(IllegalArgumentException.class, () -> new GroupMember(fa, "/grp/g1", "", null));
  }
}
