package io.paddock.store.io;

import java.io.IOException;

/**
 * A durable file failed validation: a wrong magic number, version, length or checksum.
 *
 * <p>Thrown instead of returning empty or partial data, so that a damaged file stops the server
 * loudly. The message names the file and the byte offset where validation failed.
 */
public class CorruptFileException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param file the file as {@link StorageDirectory#describe(String)} names it
   * @param offset the byte offset at which the file stopped making sense
   * @param reason what was wrong there
   */
  public CorruptFileException(String file, long offset, String reason) {
    this("corrupt file", file, offset, reason);
  }

  /** For subclasses that want their own message prefix. */
  protected CorruptFileException(String prefix, String file, long offset, String reason) {
    super(prefix + " " + file + " at offset " + offset + ": " + reason);
    this.file = file;
    this.offset = offset;
    this.reason = reason;
  }

  /** The damaged file, as described by its directory. */
  public String file() {
    return file;
  }

  /** The byte offset at which validation failed. */
  public long offset() {
    return offset;
  }

  /** What was wrong at that offset. */
  public String reason() {
    return reason;
  }
}
