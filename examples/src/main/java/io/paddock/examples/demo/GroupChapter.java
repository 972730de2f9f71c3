package io.paddock.examples.demo;

import io.paddock.recipes.group.GroupListener;
import io.paddock.recipes.group.GroupMember;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Group membership: the apps join a group; the operator sees joins and a leave as they happen. */
final class GroupChapter implements TourChapter {
  static final String GROUP_PATH = "/demo/group";

  @Override
  public String title() {
    return "Group membership";
  }

  @Override
  public String shows() {
    return "Each app joins "
        + GROUP_PATH
        + " with its address as data (a GroupMember: an ephemeral\n"
        + "node that heals itself after a session loss). The operator watches the group.";
  }

  @Override
  public void play(TourStage stage, Narrator narrator) throws Exception {
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    GroupMember operator =
        new GroupMember(stage.operator(), GROUP_PATH, "operator", bytes("console"));
    operator.addListener(
        new GroupListener() {
          @Override
          public void memberJoined(String memberId, byte[] data) {
            seen.add(memberId + " joined (" + text(data) + ")");
          }

          @Override
          public void memberLeft(String memberId) {
            seen.add(memberId + " left");
          }
        });
    List<GroupMember> members = new ArrayList<>();
    try {
      operator.start();
      awaitJoined(operator);
      for (int app = 1; app <= TourStage.APPS; app++) {
        GroupMember member =
            new GroupMember(
                stage.app(app),
                GROUP_PATH,
                TourStage.appName(app),
                bytes("10.0.0." + app + ":8080"));
        members.add(member);
        member.start();
        awaitJoined(member);
      }
      tellUntil(seen, narrator, "app-" + TourStage.APPS + " joined");
      Map<String, byte[]> view = operator.currentMembers();
      narrator.happened("the operator sees %d members: %s", view.size(), view.keySet());
      narrator.check(view.size() == TourStage.APPS + 1, "every app is a member");
      GroupMember leaving = members.remove(0);
      leaving.close();
      tellUntil(seen, narrator, leaving.memberId() + " left");
      narrator.check(
          !operator.currentMembers().containsKey(leaving.memberId()),
          "a member that leaves is gone from everyone's view");
    } finally {
      members.forEach(GroupMember::close);
      operator.close();
    }
  }

  private static void awaitJoined(GroupMember member) throws InterruptedException {
    if (!member.awaitJoined(TourStage.WAIT)) {
      throw new TourCheckFailed(member.memberId() + " to join the group");
    }
  }

  /** Tells each membership event until the expected one (the operator's own join is skipped). */
  private static void tellUntil(BlockingQueue<String> seen, Narrator narrator, String expected)
      throws InterruptedException {
    while (true) {
      String event = seen.poll(TourStage.WAIT.toSeconds(), TimeUnit.SECONDS);
      if (event == null) {
        throw new TourCheckFailed("the operator to see '" + expected + "'");
      }
      if (!event.startsWith("operator ")) {
        narrator.happened("the operator sees: %s", event);
      }
      if (event.startsWith(expected)) {
        return;
      }
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] data) {
    return data == null ? "" : new String(data, StandardCharsets.UTF_8);
  }
}
