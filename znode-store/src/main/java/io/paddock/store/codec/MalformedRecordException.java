package io.paddock.store.codec;

/**
 * Bytes that do not decode as the expected jute record: a length or count beyond what the frame
 * holds, a negative length other than the null marker, or a record cut short. The server answers
 * such a request with MARSHALLINGERROR or closes the connection; nothing else is touched.
 */
public final class MalformedRecordException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** An exception with a message that says what was wrong and where. */
  public MalformedRecordException(String message) {
    super(message);
  }
}
