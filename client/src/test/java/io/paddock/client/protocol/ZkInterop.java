package io.paddock.client.protocol;

import io.paddock.store.codec.JuteReader;
import io.paddock.store.model.Acl;
import io.paddock.store.model.Stat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.apache.jute.BinaryInputArchive;
import org.apache.jute.BinaryOutputArchive;

/**
 * Bridges our records and Apache ZooKeeper's jute classes (test scope): the table of record pairs,
 * value conversion, and ZooKeeper's own serializer and deserializer.
 */
final class ZkInterop {
  private ZkInterop() {}

  /** One of our records and ZooKeeper's class for the same jute record. */
  record Pair(Class<? extends Record> ours, Class<? extends org.apache.jute.Record> zk) {}

  /** Every record of PROTOCOL.md §6.2 (multi bodies and empty bodies are tested on their own). */
  static final List<Pair> PAIRS =
      List.of(
          new Pair(ConnectRequest.class, org.apache.zookeeper.proto.ConnectRequest.class),
          new Pair(ConnectResponse.class, org.apache.zookeeper.proto.ConnectResponse.class),
          new Pair(RequestHeader.class, org.apache.zookeeper.proto.RequestHeader.class),
          new Pair(ReplyHeader.class, org.apache.zookeeper.proto.ReplyHeader.class),
          new Pair(AuthPacket.class, org.apache.zookeeper.proto.AuthPacket.class),
          new Pair(WatcherEvent.class, org.apache.zookeeper.proto.WatcherEvent.class),
          new Pair(CreateRequest.class, org.apache.zookeeper.proto.CreateRequest.class),
          new Pair(CreateTtlRequest.class, org.apache.zookeeper.proto.CreateTTLRequest.class),
          new Pair(CreateResponse.class, org.apache.zookeeper.proto.CreateResponse.class),
          new Pair(Create2Response.class, org.apache.zookeeper.proto.Create2Response.class),
          new Pair(DeleteRequest.class, org.apache.zookeeper.proto.DeleteRequest.class),
          new Pair(ExistsRequest.class, org.apache.zookeeper.proto.ExistsRequest.class),
          new Pair(ExistsResponse.class, org.apache.zookeeper.proto.ExistsResponse.class),
          new Pair(GetDataRequest.class, org.apache.zookeeper.proto.GetDataRequest.class),
          new Pair(GetDataResponse.class, org.apache.zookeeper.proto.GetDataResponse.class),
          new Pair(SetDataRequest.class, org.apache.zookeeper.proto.SetDataRequest.class),
          new Pair(SetDataResponse.class, org.apache.zookeeper.proto.SetDataResponse.class),
          new Pair(GetAclRequest.class, org.apache.zookeeper.proto.GetACLRequest.class),
          new Pair(GetAclResponse.class, org.apache.zookeeper.proto.GetACLResponse.class),
          new Pair(SetAclRequest.class, org.apache.zookeeper.proto.SetACLRequest.class),
          new Pair(SetAclResponse.class, org.apache.zookeeper.proto.SetACLResponse.class),
          new Pair(GetChildrenRequest.class, org.apache.zookeeper.proto.GetChildrenRequest.class),
          new Pair(GetChildrenResponse.class, org.apache.zookeeper.proto.GetChildrenResponse.class),
          new Pair(GetChildren2Request.class, org.apache.zookeeper.proto.GetChildren2Request.class),
          new Pair(
              GetChildren2Response.class, org.apache.zookeeper.proto.GetChildren2Response.class),
          new Pair(CheckVersionRequest.class, org.apache.zookeeper.proto.CheckVersionRequest.class),
          new Pair(SyncRequest.class, org.apache.zookeeper.proto.SyncRequest.class),
          new Pair(SyncResponse.class, org.apache.zookeeper.proto.SyncResponse.class),
          new Pair(CheckWatchesRequest.class, org.apache.zookeeper.proto.CheckWatchesRequest.class),
          new Pair(
              RemoveWatchesRequest.class, org.apache.zookeeper.proto.RemoveWatchesRequest.class),
          new Pair(AddWatchRequest.class, org.apache.zookeeper.proto.AddWatchRequest.class),
          new Pair(SetWatches.class, org.apache.zookeeper.proto.SetWatches.class),
          new Pair(SetWatches2.class, org.apache.zookeeper.proto.SetWatches2.class),
          new Pair(
              GetEphemeralsRequest.class, org.apache.zookeeper.proto.GetEphemeralsRequest.class),
          new Pair(
              GetEphemeralsResponse.class, org.apache.zookeeper.proto.GetEphemeralsResponse.class),
          new Pair(
              GetAllChildrenNumberRequest.class,
              org.apache.zookeeper.proto.GetAllChildrenNumberRequest.class),
          new Pair(
              GetAllChildrenNumberResponse.class,
              org.apache.zookeeper.proto.GetAllChildrenNumberResponse.class),
          new Pair(WhoAmIResponse.class, org.apache.zookeeper.proto.WhoAmIResponse.class),
          new Pair(ClientInfo.class, org.apache.zookeeper.data.ClientInfo.class),
          new Pair(ErrorResponse.class, org.apache.zookeeper.proto.ErrorResponse.class),
          new Pair(DeleteContainerRequest.class, org.apache.zookeeper.DeleteContainerRequest.class),
          new Pair(ReconfigRequest.class, org.apache.zookeeper.proto.ReconfigRequest.class),
          new Pair(GetSaslRequest.class, org.apache.zookeeper.proto.GetSASLRequest.class),
          new Pair(SetSaslResponse.class, org.apache.zookeeper.proto.SetSASLResponse.class),
          new Pair(MultiHeader.class, org.apache.zookeeper.proto.MultiHeader.class));

  /** ZooKeeper's bytes for a jute record. */
  static byte[] serialize(org.apache.jute.Record record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      record.serialize(BinaryOutputArchive.getArchive(bytes), "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** ZooKeeper's decoding of bytes into a fresh instance of {@code type}. */
  static <T extends org.apache.jute.Record> T deserialize(Class<T> type, byte[] bytes)
      throws IOException {
    try {
      T record = type.getDeclaredConstructor().newInstance();
      record.deserialize(BinaryInputArchive.getArchive(new ByteArrayInputStream(bytes)), "");
      return record;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Our record's bytes. */
  static byte[] ours(JuteRecord record) {
    return record.toBytes();
  }

  /** Decodes with our record's {@code static read(JuteReader)}. */
  static <R> R read(Class<R> type, byte[] bytes) {
    try {
      return type.cast(
          type.getMethod("read", JuteReader.class).invoke(null, new JuteReader(bytes)));
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  /** ZooKeeper's record holding the same field values as ours (first n components). */
  static org.apache.jute.Record toZk(Record ours, Class<? extends org.apache.jute.Record> zkType) {
    Constructor<?> constructor = null;
    for (Constructor<?> c : zkType.getConstructors()) {
      if (constructor == null || c.getParameterCount() > constructor.getParameterCount()) {
        constructor = c;
      }
    }
    RecordComponent[] components = ours.getClass().getRecordComponents();
    Object[] args = new Object[constructor.getParameterCount()];
    try {
      for (int i = 0; i < args.length; i++) {
        args[i] = toZkValue(components[i].getAccessor().invoke(ours));
      }
      return (org.apache.jute.Record) constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(zkType + " from " + ours, e);
    }
  }

  /** Converts one field value: our Stat, Acl and ClientInfo to ZooKeeper's, lists element-wise. */
  static Object toZkValue(Object value) {
    if (value instanceof Stat s) {
      return toZkStat(s);
    } else if (value instanceof Acl a) {
      return new org.apache.zookeeper.data.ACL(
          a.perms(), new org.apache.zookeeper.data.Id(a.id().scheme(), a.id().id()));
    } else if (value instanceof ClientInfo c) {
      return new org.apache.zookeeper.data.ClientInfo(c.authScheme(), c.user());
    } else if (value instanceof List<?> list) {
      List<Object> converted = new ArrayList<>(list.size());
      for (Object o : list) {
        converted.add(toZkValue(o));
      }
      return converted;
    }
    return value;
  }

  static org.apache.zookeeper.data.Stat toZkStat(Stat s) {
    return new org.apache.zookeeper.data.Stat(
        s.czxid(),
        s.mzxid(),
        s.ctime(),
        s.mtime(),
        s.version(),
        s.cversion(),
        s.aversion(),
        s.ephemeralOwner(),
        s.dataLength(),
        s.numChildren(),
        s.pzxid());
  }

  @SuppressWarnings("unchecked")
  static List<org.apache.zookeeper.data.ACL> toZkAcls(List<Acl> acls) {
    return (List<org.apache.zookeeper.data.ACL>) toZkValue(acls);
  }
}
