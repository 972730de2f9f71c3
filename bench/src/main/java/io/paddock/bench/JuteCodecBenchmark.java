package io.paddock.bench;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.codec.JuteWriter;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import io.paddock.store.model.OpCode;
import io.paddock.store.model.Stat;
import io.paddock.store.txn.Txn;
import io.paddock.store.txn.TxnCodec;
import io.paddock.store.txn.TxnHeader;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of the jute codec on the hot path: encoding a Stat (every read reply carries one) and
 * encoding and decoding a create txn (every create is logged).
 *
 * <p>Run: {@code bin/paddock jmh JuteCodecBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class JuteCodecBenchmark {
  private final JuteWriter writer = new JuteWriter(4096);
  private Stat stat;
  private TxnHeader header;
  private Txn create;
  private byte[] encodedCreate;

  /** Prepares the records. */
  @Setup
  public void prepare() {
    stat = new Stat(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
    header = new TxnHeader(0x1234L, 7, 42, 1_700_000_000_000L, OpCode.CREATE);
    create =
        new Txn.Create(
            "/services/api/instance-0000000042",
            new byte[100],
            Acl.OPEN_ACL_UNSAFE,
            CreateMode.EPHEMERAL_SEQUENTIAL,
            0);
    encodedCreate = TxnCodec.encode(header, create);
  }

  /** Encodes one Stat into a reused writer. */
  @Benchmark
  public int encodeStat() {
    writer.reset();
    stat.write(writer);
    return writer.size();
  }

  /** Decodes one Stat. */
  @Benchmark
  public Stat decodeStat() {
    writer.reset();
    stat.write(writer);
    return Stat.read(new JuteReader(writer.array(), 0, writer.size()));
  }

  /** Encodes one create txn into a reused writer. */
  @Benchmark
  public int encodeCreateTxn() {
    writer.reset();
    TxnCodec.encode(header, create, writer);
    return writer.size();
  }

  /** Decodes one create txn. */
  @Benchmark
  public Object decodeCreateTxn() {
    return TxnCodec.decode(encodedCreate);
  }
}
