package io.paddock.server.quorum;

import io.paddock.server.zab.ZabMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/** An {@link QuorumTransport.Inbound} that records every call, in arrival order. */
final class RecordingInbound implements QuorumTransport.Inbound {
  /** One call the transport made. */
  sealed interface Event {
    long peerId();
  }

  /** {@code onMessage(peerId, message)}. */
  record Received(long peerId, ZabMessage message) implements Event {}

  /** {@code onDisconnected(peerId)}. */
  record Disconnected(long peerId) implements Event {}

  /** {@code onConnected(peerId)}. */
  record Connected(long peerId) implements Event {}

  private final ConcurrentLinkedQueue<Event> events = new ConcurrentLinkedQueue<>();

  @Override
  public void onMessage(long fromId, ZabMessage m) {
    events.add(new Received(fromId, m));
  }

  @Override
  public void onDisconnected(long peerId) {
    events.add(new Disconnected(peerId));
  }

  @Override
  public void onConnected(long peerId) {
    events.add(new Connected(peerId));
  }

  /** How often a quorum connection to {@code peerId} was reported established. */
  int connectsOf(long peerId) {
    int n = 0;
    for (Event e : events) {
      if (e instanceof Connected c && c.peerId() == peerId) {
        n++;
      }
    }
    return n;
  }

  /** Every call concerning {@code peerId}, in order. */
  List<Event> eventsOf(long peerId) {
    List<Event> out = new ArrayList<>();
    for (Event e : events) {
      if (e.peerId() == peerId) {
        out.add(e);
      }
    }
    return out;
  }

  /** The messages from {@code peerId}, in order. */
  List<ZabMessage> messagesFrom(long peerId) {
    List<ZabMessage> out = new ArrayList<>();
    for (Event e : events) {
      if (e instanceof Received r && r.peerId() == peerId) {
        out.add(r.message());
      }
    }
    return out;
  }

  /** The messages from {@code peerId} that are not election notifications, in order. */
  List<ZabMessage> quorumMessagesFrom(long peerId) {
    List<ZabMessage> out = new ArrayList<>();
    for (ZabMessage m : messagesFrom(peerId)) {
      if (!(m instanceof ZabMessage.Notification)) {
        out.add(m);
      }
    }
    return out;
  }

  /** How often the loss of the quorum connection to {@code peerId} was reported. */
  int disconnectsOf(long peerId) {
    int n = 0;
    for (Event e : events) {
      if (e instanceof Disconnected d && d.peerId() == peerId) {
        n++;
      }
    }
    return n;
  }

  /** Every call, in order. */
  List<Event> all() {
    return new ArrayList<>(events);
  }
}
