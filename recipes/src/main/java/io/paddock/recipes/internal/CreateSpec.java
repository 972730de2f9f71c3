package io.paddock.recipes.internal;

import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.util.List;

/**
 * A create as its builder describes it, in server paths.
 *
 * @param fullPath the server path (without protection prefix or sequence suffix)
 * @param data the data
 * @param acl the node's ACL
 * @param mode the kind of node
 * @param ttlMs the TTL for TTL modes, −1 otherwise
 * @param parents how missing parents are made
 * @param parentAcl the ACL of created parents
 * @param protection whether the name gets the {@code _c_<uuid>-} prefix and retries adopt
 * @param orSetData whether an existing node gets the data instead (NodeExists otherwise)
 * @param setDataVersion the version the orSetData write expects (−1 for any)
 * @param namespaceRoot the namespace root, created as a persistent node when missing ("" for none)
 * @param lostReplyFault test hook, or null: the first create reaching the server reports
 *     ConnectionLoss, after running the hook
 */
public record CreateSpec(
    String fullPath,
    byte[] data,
    List<Acl> acl,
    CreateMode mode,
    long ttlMs,
    ParentMode parents,
    List<Acl> parentAcl,
    boolean protection,
    boolean orSetData,
    int setDataVersion,
    String namespaceRoot,
    Runnable lostReplyFault) {

  /** How a create makes missing parents. */
  public enum ParentMode {
    /** It does not: NoNode. */
    NONE,
    /** As persistent nodes. */
    PERSISTENT,
    /** As container nodes, which the server deletes once empty. */
    CONTAINER
  }
}
