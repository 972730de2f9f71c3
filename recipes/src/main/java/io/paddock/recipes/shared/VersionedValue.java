package io.paddock.recipes.shared;

/**
 * A value as read at one version of its node: what a compare-and-set must name to prove which value
 * its caller saw.
 *
 * @param zxid the node's mzxid when the value was written (the zxid of that write)
 * @param version the node's data version when the value was written
 * @param value the value
 * @param <T> the value's type
 */
public record VersionedValue<T>(long zxid, int version, T value) {
  /** The same version with another view of the value (bytes decoded, say). */
  public <U> VersionedValue<U> map(java.util.function.Function<T, U> f) {
    return new VersionedValue<>(zxid, version, f.apply(value));
  }
}
