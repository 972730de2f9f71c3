package io.paddock.recipes.discovery;

import io.paddock.client.DataAndStat;
import io.paddock.client.PaddockException;
import io.paddock.recipes.PaddockFramework;
import io.paddock.recipes.internal.Lifecycle;
import io.paddock.recipes.nodes.PersistentNode;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.ErrorCode;
import io.paddock.store.model.ZnodePaths;
import java.io.Closeable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers service instances and finds them (Curator's ServiceDiscovery). An instance is an
 * ephemeral node {@code <basePath>/<name>/<id>} holding its description, kept present by a {@link
 * PersistentNode}: it is re-created after the session is lost, and deleted when unregistered or
 * when the discovery closes. Parents are containers, so an empty service leaves no node behind.
 * Queries read the server; {@link #serviceCache} keeps a service's instances cached instead.
 * Thread-safe.
 */
public final class ServiceDiscovery implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceDiscovery.class);

  /** How long a registration waits for its node by default. */
  public static final Duration REGISTRATION_WAIT_DEFAULT = Duration.ofSeconds(15);

  private final PaddockFramework framework;
  private final String basePath;
  private final Duration registrationWait;
  private final Lifecycle lifecycle = new Lifecycle("the service discovery");
  private final Map<String, PersistentNode> registered = new ConcurrentHashMap<>();

  private ServiceDiscovery(PaddockFramework framework, String basePath, Duration registrationWait) {
    this.framework = Objects.requireNonNull(framework, "framework");
    this.basePath = ZnodePaths.validate(basePath);
    this.registrationWait = registrationWait;
  }

  /**
   * A discovery under {@code basePath}.
   *
   * @param registrationWait how long {@link #registerService} waits for the node
   */
  public static ServiceDiscovery create(
      PaddockFramework framework, String basePath, Duration registrationWait) {
    return new ServiceDiscovery(framework, basePath, registrationWait);
  }

  /** A discovery under {@code basePath} with the default registration wait. */
  public static ServiceDiscovery create(PaddockFramework framework, String basePath) {
    return create(framework, basePath, REGISTRATION_WAIT_DEFAULT);
  }

  /** Starts the discovery. */
  public void start() {
    lifecycle.start();
  }

  /**
   * Registers an instance and waits until its node exists; it stays registered (re-created after a
   * session loss) until unregistered.
   *
   * @throws PaddockException OPERATIONTIMEOUT when the node was not created in time (it still will
   *     be, unless unregistered)
   * @throws IllegalStateException when an instance of that name and id is registered already
   */
  public void registerService(ServiceInstance instance)
      throws PaddockException, InterruptedException {
    lifecycle.checkStarted();
    String path = instancePath(instance.name(), instance.id());
    PersistentNode node =
        PersistentNode.builder(framework, path)
            .mode(CreateMode.EPHEMERAL)
            .data(InstanceCodec.encode(instance))
            .build();
    if (registered.putIfAbsent(path, node) != null) {
      throw new IllegalStateException("already registered: " + path);
    }
    node.start();
    if (!node.waitForInitialCreate(registrationWait)) {
      throw PaddockException.create(ErrorCode.OPERATIONTIMEOUT, path);
    }
  }

  /**
   * Changes a registered instance's description (same name and id).
   *
   * @throws IllegalStateException when it is not registered here
   */
  public void updateService(ServiceInstance instance)
      throws PaddockException, InterruptedException {
    lifecycle.checkStarted();
    PersistentNode node = registered.get(instancePath(instance.name(), instance.id()));
    if (node == null) {
      throw new IllegalStateException("not registered: " + instance.name() + "/" + instance.id());
    }
    node.setData(InstanceCodec.encode(instance));
  }

  /** Unregisters an instance (its node is deleted); a no-op when it is not registered here. */
  public void unregisterService(ServiceInstance instance) {
    PersistentNode node = registered.remove(instancePath(instance.name(), instance.id()));
    if (node != null) {
      node.close();
    }
  }

  /** The names of the services that have (or recently had) instances. */
  public List<String> queryForNames() throws PaddockException, InterruptedException {
    return childrenOrEmpty(basePath);
  }

  /** The registered instances of a service, read from the server now. */
  public List<ServiceInstance> queryForInstances(String name)
      throws PaddockException, InterruptedException {
    String servicePath = servicePath(name);
    List<ServiceInstance> out = new ArrayList<>();
    for (String id : childrenOrEmpty(servicePath)) {
      queryForInstance(name, id).ifPresent(out::add);
    }
    return out;
  }

  /** One instance of a service, if it is registered. */
  public Optional<ServiceInstance> queryForInstance(String name, String id)
      throws PaddockException, InterruptedException {
    try {
      DataAndStat d = framework.getData().forPathWithStat(instancePath(name, id));
      return Optional.of(InstanceCodec.decode(d.data()));
    } catch (PaddockException e) {
      if (e.code() == ErrorCode.NONODE) {
        return Optional.empty();
      }
      throw e;
    } catch (IllegalArgumentException e) {
      LOG.warn("ignoring {}/{}: not a service instance", name, id, e);
      return Optional.empty();
    }
  }

  /** A cache of one service's instances (not started). */
  public ServiceCache serviceCache(String name) {
    return new ServiceCache(framework, servicePath(name));
  }

  /** A builder of a provider of one service's instances. */
  public ServiceProvider.Builder serviceProvider(String name) {
    return new ServiceProvider.Builder(serviceCache(name));
  }

  /** The instances registered through this discovery. */
  public Collection<String> registeredPaths() {
    return List.copyOf(registered.keySet());
  }

  /** Unregisters every instance registered here. */
  @Override
  public void close() {
    if (lifecycle.close()) {
      for (PersistentNode node : registered.values()) {
        node.close();
      }
      registered.clear();
    }
  }

  private List<String> childrenOrEmpty(String path) throws PaddockException, InterruptedException {
    try {
      return framework.getChildren().forPath(path).stream().sorted().toList();
    } catch (PaddockException e) {
      if (e.code() == ErrorCode.NONODE) {
        return List.of();
      }
      throw e;
    }
  }

  private String servicePath(String name) {
    return ZnodePaths.child(basePath, ServiceInstance.checkName(name, "service name"));
  }

  private String instancePath(String name, String id) {
    return ZnodePaths.child(servicePath(name), ServiceInstance.checkName(id, "instance id"));
  }
}
