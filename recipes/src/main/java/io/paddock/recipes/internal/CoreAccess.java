package io.paddock.recipes.internal;

import io.paddock.recipes.PaddockFramework;

/** How recipes reach the shared core behind a framework facade. */
public interface CoreAccess {
  /** The core. */
  FrameworkCore core();

  /**
   * The core behind a framework.
   *
   * @throws IllegalArgumentException for a framework this module did not build
   */
  static FrameworkCore of(PaddockFramework framework) {
    if (framework instanceof CoreAccess access) {
      return access.core();
    }
    throw new IllegalArgumentException("not a framework built by PaddockFramework.builder()");
  }
}
