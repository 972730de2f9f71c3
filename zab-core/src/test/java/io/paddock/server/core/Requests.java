package io.paddock.server.core;

import io.paddock.client.protocol.CreateRequest;
import io.paddock.client.protocol.CreateTtlRequest;
import io.paddock.client.protocol.DeleteRequest;
import io.paddock.client.protocol.ExistsRequest;
import io.paddock.client.protocol.GetChildrenRequest;
import io.paddock.client.protocol.GetDataRequest;
import io.paddock.client.protocol.SetDataRequest;
import io.paddock.store.model.Acl;
import io.paddock.store.model.CreateMode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Short request builders for the core tests. */
final class Requests {
  static final List<Acl> OPEN = Acl.OPEN_ACL_UNSAFE;

  private Requests() {}

  static byte[] bytes(String s) {
    return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
  }

  static CreateRequest create(String path, String data) {
    return new CreateRequest(path, bytes(data), OPEN, CreateMode.PERSISTENT.flag());
  }

  static CreateRequest create(String path, String data, CreateMode mode) {
    return new CreateRequest(path, bytes(data), OPEN, mode.flag());
  }

  static CreateRequest create(String path, String data, List<Acl> acl) {
    return new CreateRequest(path, bytes(data), acl, CreateMode.PERSISTENT.flag());
  }

  static CreateTtlRequest createTtl(String path, int flags, long ttl) {
    return new CreateTtlRequest(path, bytes("t"), OPEN, flags, ttl);
  }

  static DeleteRequest delete(String path) {
    return new DeleteRequest(path, -1);
  }

  static SetDataRequest setData(String path, String data) {
    return new SetDataRequest(path, bytes(data), -1);
  }

  static GetDataRequest getData(String path, boolean watch) {
    return new GetDataRequest(path, watch);
  }

  static ExistsRequest exists(String path, boolean watch) {
    return new ExistsRequest(path, watch);
  }

  static GetChildrenRequest getChildren(String path, boolean watch) {
    return new GetChildrenRequest(path, watch);
  }
}
