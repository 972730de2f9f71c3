package io.paddock.recipes.naming;

import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.cache.NodeCache;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.ZnodePaths;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A naming service: names bound to data (or to an {@link Endpoint}) as persistent nodes {@code
 * <basePath>/<name>}. A name is 1–{@value #NAME_LENGTH_MAX} characters of letters, digits and
 * {@code . _ - : @}, starting with a letter or digit (so dotted hierarchies like {@code
 * db.orders.primary} are fine, and a name is always one node). {@link #bind} refuses a bound name,
 * {@link #rebind} overwrites. {@link #allocateUniqueName} makes a new name from a prefix and a
 * server-assigned sequence number. Bindings are persistent: they outlive the binder (use service
 * discovery for liveness). Stateless apart from its settings; thread-safe.
 */
public final class NamingService {
  /** The longest name. */
  public static final int NAME_LENGTH_MAX = 200;

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]*");

  private final PaddockFramework framework;
  private final String basePath;

  /** A naming service under {@code basePath} (created when the first name is bound). */
  public NamingService(PaddockFramework framework, String basePath) {
    this.framework = Objects.requireNonNull(framework, "framework");
    this.basePath = ZnodePaths.validate(basePath);
  }

  /**
   * Checks a name.
   *
   * @throws IllegalArgumentException when it breaks the rules
   */
  public static String validateName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.length() > NAME_LENGTH_MAX || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a valid name: '" + name + "'");
    }
    return name;
  }

  /**
   * Binds a name to data.
   *
   * @throws PaddockException NODEEXISTS when the name is bound already
   */
  public void bind(String name, byte[] data) throws PaddockException, InterruptedException {
    framework.create().creatingParentsIfNeeded().forPath(path(name), data.clone());
  }

  /** Binds a name to an endpoint (NODEEXISTS when bound already). */
  public void bind(String name, Endpoint endpoint) throws PaddockException, InterruptedException {
    bind(name, endpoint.toBytes());
  }

  /** Binds a name to data, replacing any binding. */
  public void rebind(String name, byte[] data) throws PaddockException, InterruptedException {
    framework.create().creatingParentsIfNeeded().orSetData().forPath(path(name), data.clone());
  }

  /** The data bound to a name, if any. */
  public Optional<byte[]> resolve(String name) throws PaddockException, InterruptedException {
    try {
      return Optional.of(framework.getData().forPath(path(name)));
    } catch (PaddockException e) {
      if (e.code() == ErrorCode.NONODE) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The endpoint bound to a name, if any.
   *
   * @throws IllegalArgumentException when the name is bound to something else
   */
  public Optional<Endpoint> resolveEndpoint(String name)
      throws PaddockException, InterruptedException {
    return resolve(name).map(Endpoint::fromBytes);
  }

  /** The bound names, sorted. */
  public List<String> list() throws PaddockException, InterruptedException {
    try {
      return framework.getChildren().forPath(basePath).stream().sorted().toList();
    } catch (PaddockException e) {
      if (e.code() == ErrorCode.NONODE) {
        return List.of();
      }
      throw e;
    }
  }

  /**
   * Unbinds a name.
   *
   * @return true if it was bound
   */
  public boolean unbind(String name) throws PaddockException, InterruptedException {
    try {
      framework.delete().forPath(path(name));
      return true;
    } catch (PaddockException e) {
      if (e.code() == ErrorCode.NONODE) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Binds a new, unique name {@code prefix + sequence} (ten digits, growing) to data, and returns
   * it. A create whose reply is lost is not retried (a retry could allocate a second name), so a
   * connection loss fails the call and may leave a name allocated.
   *
   * @param prefix a valid name
   */
  public String allocateUniqueName(String prefix, byte[] data)
      throws PaddockException, InterruptedException {
    String path =
        framework
            .create()
            .creatingParentsIfNeeded()
            .withMode(CreateMode.PERSISTENT_SEQUENTIAL)
            .forPath(path(prefix), data.clone());
    return ZnodePaths.name(path);
  }

  /**
   * Watches a name: the listener hears every bind, rebind and unbind until the watch is closed. The
   * watch is started; close it when done.
   */
  public NameWatch watch(String name, NameListener listener) {
    Objects.requireNonNull(listener, "listener");
    NodeCache cache = new NodeCache(framework, path(name));
    NameWatch watch = new NameWatch(cache, name, listener);
    cache.start();
    return watch;
  }

  private String path(String name) {
    return ZnodePaths.child(basePath, validateName(name));
  }
}
