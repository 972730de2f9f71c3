package io.paddock.recipes.internal;

import io.paddock.recipes.ConnectionStateErrorPolicy;
import io.paddock.recipes.RetryPolicy;
import io.paddock.store.model.Acl;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * The settings of a framework, as its builder collected them.
 *
 * @param connectString the servers and optional chroot
 * @param sessionTimeoutMs the session timeout asked of the server
 * @param connectionTimeoutMs how long a request waits for a connection
 * @param retryPolicy the retry policy of every operation
 * @param namespace the namespace of the framework's main facade
 * @param defaultAcl the ACL of nodes created without {@code withACL}
 * @param defaultData the data of nodes created without data
 * @param threadFactory the factory of every thread the framework and its client start
 * @param errorPolicy which states recipes treat as errors
 * @param canBeReadOnly whether read-only servers are acceptable
 */
public record FrameworkConfig(
    String connectString,
    int sessionTimeoutMs,
    int connectionTimeoutMs,
    RetryPolicy retryPolicy,
    Namespace namespace,
    List<Acl> defaultAcl,
    byte[] defaultData,
    ThreadFactory threadFactory,
    ConnectionStateErrorPolicy errorPolicy,
    boolean canBeReadOnly) {}
