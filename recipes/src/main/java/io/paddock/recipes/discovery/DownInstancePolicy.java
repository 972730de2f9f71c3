package io.paddock.recipes.discovery;

/**
 * When a provider treats an instance as down: after {@code errorThreshold} errors noted with {@link
 * ServiceProvider#noteError} within one window, for {@code downTimeMs} from the last of them.
 * Errors older than {@code downTimeMs} are forgotten.
 *
 * @param downTimeMs how long an instance stays down
 * @param errorThreshold how many errors make it down (at least 1)
 */
public record DownInstancePolicy(long downTimeMs, int errorThreshold) {
  /** Curator's default: 30 s after 2 errors. */
  public static final DownInstancePolicy DEFAULT = new DownInstancePolicy(30_000, 2);

  /** Checks the values. */
  public DownInstancePolicy {
    if (downTimeMs <= 0 || errorThreshold < 1) {
      throw new IllegalArgumentException("downTimeMs > 0 and errorThreshold >= 1 required");
    }
  }
}
