package io.paddock.server.core.prep;

import io.paddock.store.model.Id;
import java.util.List;
import java.util.Objects;

/**
 * Who asks for a write: the session and the ids its connection holds.
 *
 * @param sessionId the session
 * @param sessionActive whether the session is open and not closing (ephemeral creates need it)
 * @param ids the connection's ids: its ip id first, then those its auth packets added
 */
public record PrepSubject(long sessionId, boolean sessionActive, List<Id> ids) {
  /** Copies the ids. */
  public PrepSubject {
    ids = List.copyOf(Objects.requireNonNull(ids, "ids"));
  }
}
