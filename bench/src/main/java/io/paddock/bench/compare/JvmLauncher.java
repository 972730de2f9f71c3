package io.paddock.bench.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line of a child JVM: the java binary running the harness and the class path it
 * runs from, so both servers run on the very same JDK and jars.
 *
 * <p>Under Surefire the harness' own {@code java.class.path} may be a manifest-only jar; the real
 * test class path, which Surefire publishes as {@code surefire.test.class.path}, is used then.
 */
public final class JvmLauncher {
  private final String javaBinary;
  private final String classPath;

  /** A launcher with an explicit binary and class path. */
  public JvmLauncher(String javaBinary, String classPath) {
    this.javaBinary = javaBinary;
    this.classPath = classPath;
  }

  /** The launcher for this JVM's own binary and class path. */
  public static JvmLauncher current() {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String cp = System.getProperty("surefire.test.class.path");
    if (cp == null || cp.isBlank()) {
      cp = System.getProperty("java.class.path");
    }
    return new JvmLauncher(java, cp);
  }

  /** The java binary. */
  public String javaBinary() {
    return javaBinary;
  }

  /** {@code java <flags> -cp <class path> <main> <args>}. */
  public List<String> command(List<String> jvmFlags, String mainClass, String... args) {
    List<String> c = new ArrayList<>();
    c.add(javaBinary);
    c.addAll(jvmFlags);
    c.add("-cp");
    c.add(classPath);
    c.add(mainClass);
    c.addAll(List.of(args));
    return c;
  }
}
