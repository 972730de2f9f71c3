package io.paddock.examples.naming;

import io.paddock.examples.support.ExampleCluster;
import io.paddock.examples.support.ExampleLogging;
import io.paddock.recipes.naming.Endpoint;
import io.paddock.recipes.naming.NameWatch;
import io.paddock.recipes.naming.NamingService;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A naming service ({@link NamingService}) under {@code /examples/names}: a server binds its
 * endpoint to {@code db.orders.primary}; a client resolves the name and watches it, so it hears the
 * rebind when the database moves; unique names ({@code job-0000000003}) are allocated by the
 * server's sequence, never twice, even from several clients at once.
 *
 * <p>Run: {@code java -cp "$(cat target/launcher/classpath)"
 * io.paddock.examples.naming.NamingServiceExample [connectString]} — without a connect string it
 * starts its own embedded server.
 */
public final class NamingServiceExample {
  /** Where the names live. */
  public static final String NAMES_PATH = "/examples/names";

  /** The name the example binds. */
  public static final String DB_NAME = "db.orders.primary";

  static final int UNIQUE_NAMES = 5;
  private static final Duration WAIT = Duration.ofSeconds(20);

  private NamingServiceExample() {}

  /** Runs the example against {@code args[0]}, or an embedded server without arguments. */
  public static void main(String[] args) throws Exception {
    ExampleLogging.useQuietConfiguration();
    try (ExampleCluster cluster = ExampleCluster.fromArgs(args)) {
      run(cluster, System.out);
    }
  }

  /**
   * Binds, resolves, watches, rebinds, allocates unique names and unbinds.
   *
   * @throws IllegalStateException if a resolve or the watch sees the wrong binding
   */
  public static void run(ExampleCluster cluster, PrintStream out) throws Exception {
    NamingService server = new NamingService(cluster.newFramework(), NAMES_PATH);
    NamingService client = new NamingService(cluster.newFramework(), NAMES_PATH);
    server.unbind(DB_NAME); // a clean start when run twice against one server
    server.bind(DB_NAME, new Endpoint("10.0.0.5", 5432));
    Endpoint resolved =
        client.resolveEndpoint(DB_NAME).orElseThrow(() -> new IllegalStateException("unbound"));
    out.println("client: " + DB_NAME + " resolves to " + resolved);

    BlockingQueue<Optional<byte[]>> changes = new LinkedBlockingQueue<>();
    try (NameWatch watch = client.watch(DB_NAME, (name, data) -> changes.add(data))) {
      if (!watch.awaitInitialized(WAIT)) {
        throw new IllegalStateException("the watch did not read " + DB_NAME);
      }
      Endpoint moved = new Endpoint("10.0.0.6", 5432);
      server.rebind(DB_NAME, moved.toBytes());
      out.println("server: the database moved; " + DB_NAME + " rebound to " + moved);
      awaitBinding(changes, Optional.of(moved), out);
      server.unbind(DB_NAME);
      out.println("server: " + DB_NAME + " unbound");
      awaitBinding(changes, Optional.empty(), out);
    }

    Set<String> allocated = new HashSet<>();
    for (int i = 0; i < UNIQUE_NAMES; i++) {
      NamingService who = i % 2 == 0 ? server : client;
      allocated.add(who.allocateUniqueName("job-", bytes("job " + i)));
    }
    if (allocated.size() != UNIQUE_NAMES) {
      throw new IllegalStateException("a unique name was handed out twice: " + allocated);
    }
    out.println("unique names allocated: " + new TreeSet<>(allocated));
    out.println("names bound now: " + client.list());
    cleanUp(server, allocated);
  }

  /** Waits until the watch reports the expected binding (empty: unbound). */
  private static void awaitBinding(
      BlockingQueue<Optional<byte[]>> changes, Optional<Endpoint> expected, PrintStream out)
      throws InterruptedException {
    while (true) {
      Optional<byte[]> data = changes.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      if (data == null) {
        throw new IllegalStateException("the watch did not report " + expected);
      }
      Optional<Endpoint> seen = data.map(Endpoint::fromBytes);
      if (seen.equals(expected)) {
        out.println(
            "client (watching): "
                + DB_NAME
                + " is now "
                + seen.map(Endpoint::toString).orElse("unbound"));
        return;
      }
    }
  }

  private static void cleanUp(NamingService naming, Set<String> names) throws Exception {
    for (String name : names) {
      naming.unbind(name);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
