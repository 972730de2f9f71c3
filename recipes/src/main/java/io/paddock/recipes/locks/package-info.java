/**
 * Herd-free distributed locks: {@link io.paddock.recipes.locks.InterProcessMutex} (reentrant per
 * thread), {@link io.paddock.recipes.locks.InterProcessSemaphoreMutex} (not reentrant, not bound to
 * a thread: a {@link io.paddock.recipes.locks.LockHandle}), {@link
 * io.paddock.recipes.locks.InterProcessReadWriteLock}, {@link
 * io.paddock.recipes.locks.InterProcessSemaphoreV2} with {@link io.paddock.recipes.locks.Lease}s,
 * {@link io.paddock.recipes.locks.InterProcessMultiLock}, and cooperative revocation. Every grant
 * carries a {@link io.paddock.recipes.Grant}: a fencing token (the holder node's czxid, growing
 * with every grant on the path) and a guard op that makes the server reject a fenced-off holder's
 * writes.
 */
package io.paddock.recipes.locks;
