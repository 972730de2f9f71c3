package io.paddock.recipes.group;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.cache.ChildData;
import io.paddock.recipes.cache.PathChildrenCache;
import io.paddock.recipes.cache.PathChildrenCacheEvent;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.recipes.nodes.PersistentNode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of a group (Curator's GroupMember): an ephemeral node {@code <groupPath>/<memberId>}
 * kept present by a {@link PersistentNode} (so the member shows again after its session was lost),
 * plus a {@link PathChildrenCache} of the group. A member leaves when it closes or when its session
 * dies. Ids must be unique in the group: a second member with the same id would take over the node
 * once the first one's goes. Listeners hear joins, data changes and leaves. Thread-safe.
 */
public final class GroupMember implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(GroupMember.class);

  /** The longest member id. */
  public static final int MEMBER_ID_LENGTH_MAX = 255;

  private final String groupPath;
  private final String memberId;
  private final PersistentNode node;
  private final PathChildrenCache cache;
  private final Lifecycle lifecycle = new Lifecycle("the group member");
  private final List<GroupListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * A member.
   *
   * @param groupPath the group's node (created as a container when missing)
   * @param memberId this member's id: a valid node name, unique in the group
   * @param data this member's data
   */
  public GroupMember(PaddockFramework framework, String groupPath, String memberId, byte[] data) {
    this.groupPath = ZnodePaths.validate(groupPath);
    this.memberId = checkId(memberId);
    this.node =
        PersistentNode.builder(framework, ZnodePaths.child(groupPath, memberId))
            .mode(CreateMode.EPHEMERAL)
            .data(data)
            .build();
    this.cache = new PathChildrenCache(framework, groupPath);
    cache.addListener(this::onChildEvent);
  }

  /** Joins the group and starts watching it. */
  public void start() {
    lifecycle.start();
    cache.start();
    node.start();
  }

  /** Waits until this member's node exists and the group has been read once. */
  public boolean awaitJoined(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    return node.waitForInitialCreate(timeout)
        && cache.awaitInitialized(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  /** This member's id. */
  public String memberId() {
    return memberId;
  }

  /** The members as cached, id → data; always includes this member with its current data. */
  public Map<String, byte[]> currentMembers() {
    Map<String, byte[]> members = new TreeMap<>();
    for (ChildData d : cache.currentData()) {
      members.put(idFromPath(d.path()), d.data());
    }
    members.put(memberId, node.data());
    return members;
  }

  /** Changes this member's data (written now if the node exists, and used by re-creates). */
  public void setThisData(byte[] data) throws PaddockException, InterruptedException {
    node.setData(data);
  }

  /** The member id of a member node's path. */
  public static String idFromPath(String path) {
    return ZnodePaths.name(path);
  }

  /** Adds a listener. */
  public void addListener(GroupListener listener) {
    listeners.add(Objects.requireNonNull(listener));
  }

  /** Removes a listener. */
  public void removeListener(GroupListener listener) {
    listeners.remove(listener);
  }

  /** Leaves the group (the node is deleted) and stops watching it. */
  @Override
  public void close() {
    if (lifecycle.close()) {
      cache.close();
      node.close();
    }
  }

  private void onChildEvent(PathChildrenCacheEvent event) {
    if (event.data() == null) {
      return;
    }
    String id = idFromPath(event.data().path());
    for (GroupListener l : listeners) {
      try {
        switch (event.type()) {
          case CHILD_ADDED -> l.memberJoined(id, event.data().data());
          case CHILD_UPDATED -> l.memberChanged(id, event.data().data());
          case CHILD_REMOVED -> l.memberLeft(id);
          default -> {
            // connection events carry no member
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("a group listener failed", e);
      }
    }
  }

  private static String checkId(String id) {
    Objects.requireNonNull(id, "memberId");
    if (id.isEmpty()
        || id.length() > MEMBER_ID_LENGTH_MAX
        || id.contains("/")
        || id.equals(".")
        || id.equals("..")
        || !ZnodePaths.isValid("/" + id)) {
      throw new IllegalArgumentException("not a valid member id: '" + id + "'");
    }
    return id;
  }
}
