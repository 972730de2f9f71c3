package io.paddock.server.net;

import io.paddock.client.protocol.ConnectRequest;
import io.paddock.client.protocol.ConnectResponse;
import io.paddock.client.protocol.Request;
import io.paddock.client.protocol.RequestHeader;
import io.paddock.server.core.ClientChannel;
import io.paddock.server.core.ServerCore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A ServerCore that records every call, answers handshakes (unless told not to) with a fixed
 * session, and answers four-letter words with {@code <word>-answer}, {@code imok} for ruok.
 */
class FakeServerCore implements ServerCore {
  static final long SESSION_ID = 0x1234_5678_9abcL;
  static final int TIMEOUT_MS = 4000;
  static final byte[] PASSWORD = new byte[16];

  /** One call the transport made. */
  record Call(String kind, ClientChannel channel, Object detail, Thread thread) {}

  final List<Call> calls = new CopyOnWriteArrayList<>();
  volatile boolean answerHandshakes = true;
  volatile Consumer<Call> onRequestHook = c -> {};

  @Override
  public void onConnect(ClientChannel channel, ConnectRequest request, boolean readOnlyPresent) {
    calls.add(new Call("connect", channel, request, Thread.currentThread()));
    if (answerHandshakes) {
      answer(channel, readOnlyPresent);
    }
  }

  /** Answers a handshake as a core would (any thread). */
  static void answer(ClientChannel channel, boolean readOnlyPresent) {
    channel.sendConnectResponse(
        new ConnectResponse(0, TIMEOUT_MS, SESSION_ID, PASSWORD, false), readOnlyPresent);
    channel.flush();
  }

  @Override
  public void onRequest(ClientChannel channel, RequestHeader header, Request request) {
    Call call =
        new Call("request", channel, new Object[] {header, request}, Thread.currentThread());
    calls.add(call);
    onRequestHook.accept(call);
  }

  @Override
  public void onBadFrame(
      ClientChannel channel, RequestHeader header, BadFrame kind, String reason) {
    calls.add(new Call("bad:" + kind, channel, header, Thread.currentThread()));
  }

  @Override
  public void onDisconnect(ClientChannel channel) {
    calls.add(new Call("disconnect", channel, null, Thread.currentThread()));
  }

  @Override
  public CompletableFuture<String> fourLetterWord(String command) {
    calls.add(new Call("4lw", null, command, Thread.currentThread()));
    return CompletableFuture.completedFuture(command.equals("ruok") ? "imok" : command + "-answer");
  }

  List<Call> callsOf(String kind) {
    return calls.stream().filter(c -> c.kind().equals(kind)).collect(Collectors.toList());
  }

  List<String> kinds() {
    return calls.stream().map(Call::kind).collect(Collectors.toList());
  }

  static RequestHeader header(Call requestCall) {
    return (RequestHeader) ((Object[]) requestCall.detail())[0];
  }

  static Request request(Call requestCall) {
    return (Request) ((Object[]) requestCall.detail())[1];
  }
}
