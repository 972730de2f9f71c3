package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.codec.MalformedRecordException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Deletes an empty container node: the body of deleteContainer (20). ZooKeeper's server issues it
 * itself but also accepts it from clients; the reply has no body.
 *
 * <p>Not a jute-generated record: ZooKeeper's hand-written {@code
 * org.apache.zookeeper.DeleteContainerRequest} writes the path as one {@code buffer} holding its
 * standard UTF-8 bytes (not a {@code ustring}, so a supplementary character takes 4 bytes here,
 * where a ustring would take 6).
 *
 * @param path the container's path; never null
 */
public record DeleteContainerRequest(String path) implements Request {
  /** Checks the path is present: ZooKeeper cannot encode or decode a null path here. */
  public DeleteContainerRequest {
    Objects.requireNonNull(path, "path");
  }

  /** Writes the path as a buffer of its UTF-8 bytes. */
  @Override
  public void write(JuteWriter out) {
    out.writeBuffer(path.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Reads the path from a buffer.
   *
   * @throws MalformedRecordException if the buffer is cut short, out of bounds, or null (ZooKeeper
   *     fails on a null buffer too)
   */
  public static DeleteContainerRequest read(JuteReader in) {
    byte[] bytes = in.readBuffer();
    if (bytes == null) {
      throw new MalformedRecordException("deleteContainer path is a null buffer");
    }
    return new DeleteContainerRequest(new String(bytes, StandardCharsets.UTF_8));
  }
}
