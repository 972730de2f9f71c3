package io.paddock.store.tree.model;

/** The real tree and the reference disagreed; the message says where and how to replay it. */
final class ModelMismatch extends AssertionError {
  private static final long serialVersionUID = 1L;

  /** The seed of the failing history. */
  final long seed;

  /** One line: seed, txn index and what differed. */
  final String summary;

  ModelMismatch(long seed, String summary, String message, Throwable cause) {
    super(message, cause);
    this.seed = seed;
    this.summary = summary;
  }
}
