package io.paddock.examples.demo;

/** A check of the demo tour failed: what was expected did not happen. */
final class TourCheckFailed extends RuntimeException {
  private static final long serialVersionUID = 1L;

  TourCheckFailed(String message) {
    super(message);
  }
}
