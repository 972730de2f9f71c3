package io.paddock.server.core.fourletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exact text shapes of PROTOCOL 11. */
class FourLetterTextTest {
  static final InetSocketAddress ADDR = new InetSocketAddress("127.0.0.1", 43602);

  @Test
  void srvrBlock() {
    ServerSummary s = new ServerSummary("V", 0, 0.0, 0, 2, 1, 1, 0, 0, "standalone", 5);
    assertEquals(
        "Zookeeper version: V\nLatency min/avg/max: 0/0.0/0\nReceived: 2\nSent: 1\nConnections: 1\n"
            + "Outstanding: 0\nZxid: 0x0\nMode: standalone\nNode count: 5\n",
        FourLetterText.srvr(s));
  }

  @Test
  void connectionLinesBriefAndFull() {
    ConnectionInfo none =
        new ConnectionInfo(ADDR, 1, 0, 1, 0, 0, "NA", 5, 0, -1, -1, 0, 0, 0, 0, 0);
    assertEquals(
        " /127.0.0.1:43602[1](queued=0,recved=1,sent=0)",
        FourLetterText.connectionLine(none, false),
        "no session, no session fields");
    ConnectionInfo full =
        new ConnectionInfo(
            ADDR, 1, 2, 10, 9, 0x1000abcL, "GETD", 1000, 30000, 0x1f, 0x2a, 2000, 3, 1, 2, 4);
    assertEquals(
        " /127.0.0.1:43602[1](queued=2,recved=10,sent=9,sid=0x1000abc,lop=GETD,est=1000,to=30000,"
            + "lcxid=0x1f,lzxid=0x2a,lresp=2000,llat=3,minlat=1,avglat=2,maxlat=4)",
        FourLetterText.connectionLine(full, false));
    assertEquals(
        " /127.0.0.1:43602[1](queued=2,recved=10,sent=9)",
        FourLetterText.connectionLine(full, true));
    ConnectionInfo noCxid =
        new ConnectionInfo(ADDR, 1, 0, 1, 1, 7, "NA", 1, 4000, -1, -1, 0, 0, 0, 0, 0);
    assertEquals(
        " /127.0.0.1:43602[1](queued=0,recved=1,sent=1,sid=0x7,lop=NA,est=1,to=4000,lzxid=0xffffffffffffffff,lresp=0,llat=0,minlat=0,avglat=0,maxlat=0)",
        FourLetterText.connectionLine(noCxid, false),
        "lcxid is left out before any reply; lzxid prints −1 as ZooKeeper does");
  }

  @Test
  void consAndStatFraming() {
    ConnectionInfo c = new ConnectionInfo(ADDR, 1, 0, 1, 0, 0, "NA", 5, 0, -1, -1, 0, 0, 0, 0, 0);
    assertEquals(
        " /127.0.0.1:43602[1](queued=0,recved=1,sent=0)\n\n", FourLetterText.cons(List.of(c)));
    ServerSummary s = new ServerSummary("V", 0, 0.5, 1, 0, 0, 1, 0, 0x1a, "standalone", 5);
    String stat = FourLetterText.stat(s, List.of(c));
    assertEquals(
        "Zookeeper version: V\nClients:\n /127.0.0.1:43602[1](queued=0,recved=1,sent=0)\n\nLatency min/avg/max: 0/0.5/1\n",
        stat.substring(0, stat.indexOf("Received")));
  }

  @Test
  void mntrLines() {
    assertEquals(
        "zk_version\tV\nzk_avg_latency\t0.25\n",
        FourLetterText.mntr(
            List.of(
                java.util.Map.entry("version", "V"), java.util.Map.entry("avg_latency", 0.25))));
  }
}
