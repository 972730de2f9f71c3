package io.paddock.client.internal;

import io.paddock.client.PaddockException;
import io.paddock.client.Watcher;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.Response;
import io.paddock.store.model.EventType;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One request of the client on its way: the op and its record, what to do with the reply, and the
 * future of the caller.
 *
 * <p>Built by {@link Operations} on the caller's thread, then handed to the I/O thread, which owns
 * it from there (the hand-over is the happens-before edge of the event loop's task queue).
 *
 * @param <T> the result type
 */
public final class Call<T> {
  /**
   * Turns a reply into a result, on the I/O thread: registers or removes watches and builds the
   * value, or throws the error.
   *
   * @param <T> the result type
   */
  @FunctionalInterface
  public interface ReplyHandler<T> {
    /**
     * Handles a reply.
     *
     * @param err the reply header's error code
     * @param body the decoded body when err is 0, else null
     * @param context the watch manager and event sink of the client
     */
    T onReply(int err, Response body, Context context) throws PaddockException;
  }

  /**
   * Checks or rewrites a call just before it is written, on the I/O thread (removeWatches decides
   * between checkWatches and removeWatches from the armed watches).
   */
  @FunctionalInterface
  public interface Preparer {
    /**
     * Prepares the call.
     *
     * @throws PaddockException to fail the call without sending it
     */
    void prepare(Call<?> call, WatchManager watches) throws PaddockException;
  }

  /** What a reply handler may touch. */
  public interface Context {
    /** The client's watches. */
    WatchManager watches();

    /** Queues watch-removal events for delivery (before the call's completion). */
    void deliverRemoved(Map<EventType, Set<Watcher>> removed, String clientPath);
  }

  int opCode;
  Request request;
  final String clientPath;
  final ReplyHandler<T> handler;
  final Preparer preparer;
  CompletableFuture<T> future;
  boolean direct;
  boolean counted;
  long queuedAtMs;
  int xid;

  /**
   * A call.
   *
   * @param opCode the op code to send
   * @param request the record
   * @param clientPath the client path for error messages, may be null
   * @param handler what to do with the reply
   * @param preparer a last-moment check, or null
   */
  public Call(
      int opCode, Request request, String clientPath, ReplyHandler<T> handler, Preparer preparer) {
    this.opCode = opCode;
    this.request = request;
    this.clientPath = clientPath;
    this.handler = handler;
    this.preparer = preparer;
  }

  /** A call without a preparer. */
  public Call(int opCode, Request request, String clientPath, ReplyHandler<T> handler) {
    this(opCode, request, clientPath, handler, null);
  }

  /** The op code that will be (or was) sent. */
  public int opCode() {
    return opCode;
  }

  /** The record that will be (or was) sent. */
  public Request request() {
    return request;
  }

  /** Replaces the op and record (for a {@link Preparer}). */
  public void rewrite(int newOpCode, Request newRequest) {
    this.opCode = newOpCode;
    this.request = newRequest;
  }

  /** The client path, may be null. */
  public String clientPath() {
    return clientPath;
  }

  @Override
  public String toString() {
    return "Call[op=" + opCode + ", path=" + clientPath + "]";
  }
}
