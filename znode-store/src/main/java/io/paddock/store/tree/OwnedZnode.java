package io.paddock.store.tree;

/**
 * A znode with a non-zero stored ephemeralOwner: a session id (ephemeral), {@link
 * io.paddock.store.model.EphemeralKind#CONTAINER_OWNER} (container), or a TTL marker. 88 bytes with
 * compressed oops.
 */
final class OwnedZnode extends Znode {
  private final long storedOwner;

  OwnedZnode(Znode parent, byte[] bytes, long czxid, long ctime, int aclRef, long storedOwner) {
    super(parent, bytes, czxid, ctime, aclRef);
    if (storedOwner == 0) {
      throw new IllegalArgumentException("an owned znode needs a non-zero owner");
    }
    this.storedOwner = storedOwner;
  }

  @Override
  long storedOwner() {
    return storedOwner;
  }
}
