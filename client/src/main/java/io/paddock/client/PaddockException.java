package io.paddock.client;

import io.paddock.store.model.ErrorCode;
import java.util.List;
import java.util.Objects;

/**
 * A ZooKeeper error code returned for an operation, as ZooKeeper's {@code KeeperException}: it
 * carries the {@link ErrorCode}, the client path the op named (may be null), and for a failed multi
 * the results of every op. The message is ZooKeeper's, e.g. {@code KeeperErrorCode = NoNode for
 * /a}.
 *
 * <p>Each common code has its own nested subclass ({@link NoNodeException}, {@link
 * NodeExistsException}, {@link ConnectionLossException} …) so callers can catch exactly what they
 * handle; {@link #create} picks the right one. Codes without a subclass come as a plain {@code
 * PaddockException}. Async calls complete their future exceptionally with one of these; the
 * blocking API throws them.
 */
public class PaddockException extends Exception {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final String path;
  private List<OpResult> results = List.of();

  /**
   * An exception for a code and path.
   *
   * @param code the error code, not OK
   * @param path the client path, may be null
   */
  public PaddockException(ErrorCode code, String path) {
    this(code, path, code.describe(path));
  }

  /**
   * An exception with its own message (for codes this client does not know).
   *
   * @param code the error code, not OK
   * @param path the client path, may be null
   * @param message the message
   */
  protected PaddockException(ErrorCode code, String path, String message) {
    super(message);
    Objects.requireNonNull(code, "code");
    if (code.isOk()) {
      throw new IllegalArgumentException("OK is not an error");
    }
    this.code = code;
    this.path = path;
  }

  /** The error code. */
  public ErrorCode code() {
    return code;
  }

  /** The client path of the op that failed, or null. */
  public String path() {
    return path;
  }

  /** For a failed multi, the result of every op in op order; empty otherwise. */
  public List<OpResult> results() {
    return results;
  }

  /**
   * The exception for a code: the subclass for the common codes, a plain PaddockException else.
   *
   * @param code the error code, not OK
   * @param path the client path, may be null
   */
  public static PaddockException create(ErrorCode code, String path) {
    return switch (code) {
      case RUNTIMEINCONSISTENCY -> new RuntimeInconsistencyException(path);
      case DATAINCONSISTENCY -> new DataInconsistencyException(path);
      case CONNECTIONLOSS -> new ConnectionLossException(path);
      case MARSHALLINGERROR -> new MarshallingErrorException(path);
      case UNIMPLEMENTED -> new UnimplementedException(path);
      case OPERATIONTIMEOUT -> new OperationTimeoutException(path);
      case BADARGUMENTS -> new BadArgumentsException(path);
      case NONODE -> new NoNodeException(path);
      case NOAUTH -> new NoAuthException(path);
      case BADVERSION -> new BadVersionException(path);
      case NOCHILDRENFOREPHEMERALS -> new NoChildrenForEphemeralsException(path);
      case NODEEXISTS -> new NodeExistsException(path);
      case NOTEMPTY -> new NotEmptyException(path);
      case SESSIONEXPIRED -> new SessionExpiredException(path);
      case INVALIDACL -> new InvalidAclException(path);
      case AUTHFAILED -> new AuthFailedException(path);
      case SESSIONMOVED -> new SessionMovedException(path);
      case NOTREADONLY -> new NotReadOnlyException(path);
      case EPHEMERALONLOCALSESSION -> new EphemeralOnLocalSessionException(path);
      case NOWATCHER -> new NoWatcherException(path);
      case REQUESTTIMEOUT -> new RequestTimeoutException(path);
      case QUOTAEXCEEDED -> new QuotaExceededException(path);
      case THROTTLEDOP -> new ThrottledOpException(path);
      default -> new PaddockException(code, path);
    };
  }

  /**
   * The exception for a code from the wire. A number ZooKeeper never assigned becomes a {@link
   * ErrorCode#SYSTEMERROR} whose message names the number.
   *
   * @param code the wire code, not 0
   * @param path the client path, may be null
   */
  public static PaddockException create(int code, String path) {
    try {
      return create(ErrorCode.fromCode(code), path);
    } catch (IllegalArgumentException unknown) {
      String message = ErrorCode.SYSTEMERROR.describe(path) + " (unknown code " + code + ")";
      return new PaddockException(ErrorCode.SYSTEMERROR, path, message);
    }
  }

  /**
   * The exception of a failed multi: the code of the failing op, its path, and all results.
   *
   * @param code the failing op's code
   * @param path the failing op's client path
   * @param results every op's result, in op order
   */
  public static PaddockException forMulti(ErrorCode code, String path, List<OpResult> results) {
    PaddockException e = create(code, path);
    e.results = List.copyOf(results);
    return e;
  }

  /** A multi op did not run because an earlier op failed. */
  public static final class RuntimeInconsistencyException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public RuntimeInconsistencyException(String path) {
      super(ErrorCode.RUNTIMEINCONSISTENCY, path);
    }
  }

  /** The server found its data inconsistent. */
  public static final class DataInconsistencyException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public DataInconsistencyException(String path) {
      super(ErrorCode.DATAINCONSISTENCY, path);
    }
  }

  /**
   * The connection dropped before the reply came: the op may or may not have taken effect; the
   * session may still live.
   */
  public static final class ConnectionLossException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public ConnectionLossException(String path) {
      super(ErrorCode.CONNECTIONLOSS, path);
    }
  }

  /** The server could not decode or process the request. */
  public static final class MarshallingErrorException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public MarshallingErrorException(String path) {
      super(ErrorCode.MARSHALLINGERROR, path);
    }
  }

  /** The server does not implement the op (TTL nodes without extended types, for one). */
  public static final class UnimplementedException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public UnimplementedException(String path) {
      super(ErrorCode.UNIMPLEMENTED, path);
    }
  }

  /** A client-side wait ran out of time. */
  public static final class OperationTimeoutException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public OperationTimeoutException(String path) {
      super(ErrorCode.OPERATIONTIMEOUT, path);
    }
  }

  /** The server refused a path, flags or TTL. */
  public static final class BadArgumentsException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public BadArgumentsException(String path) {
      super(ErrorCode.BADARGUMENTS, path);
    }
  }

  /** The node (or, for a create, its parent) does not exist. */
  public static final class NoNodeException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public NoNodeException(String path) {
      super(ErrorCode.NONODE, path);
    }
  }

  /** The session lacks the permission the op needs. */
  public static final class NoAuthException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public NoAuthException(String path) {
      super(ErrorCode.NOAUTH, path);
    }
  }

  /** The expected version did not match. */
  public static final class BadVersionException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public BadVersionException(String path) {
      super(ErrorCode.BADVERSION, path);
    }
  }

  /** Ephemeral nodes cannot have children. */
  public static final class NoChildrenForEphemeralsException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public NoChildrenForEphemeralsException(String path) {
      super(ErrorCode.NOCHILDRENFOREPHEMERALS, path);
    }
  }

  /** The node already exists. */
  public static final class NodeExistsException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public NodeExistsException(String path) {
      super(ErrorCode.NODEEXISTS, path);
    }
  }

  /** The node has children. */
  public static final class NotEmptyException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public NotEmptyException(String path) {
      super(ErrorCode.NOTEMPTY, path);
    }
  }

  /** The session is gone (expired, or the client was closed); build a new client. */
  public static final class SessionExpiredException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public SessionExpiredException(String path) {
      super(ErrorCode.SESSIONEXPIRED, path);
    }
  }

  /** The ACL is empty or invalid. */
  public static final class InvalidAclException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public InvalidAclException(String path) {
      super(ErrorCode.INVALIDACL, path);
    }
  }

  /** A server refused an auth credential; the client is dead. */
  public static final class AuthFailedException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public AuthFailedException(String path) {
      super(ErrorCode.AUTHFAILED, path);
    }
  }

  /** The session moved to another server. */
  public static final class SessionMovedException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public SessionMovedException(String path) {
      super(ErrorCode.SESSIONMOVED, path);
    }
  }

  /** A write was sent to a read-only server. */
  public static final class NotReadOnlyException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public NotReadOnlyException(String path) {
      super(ErrorCode.NOTREADONLY, path);
    }
  }

  /** An ephemeral node was asked for on a local session. */
  public static final class EphemeralOnLocalSessionException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public EphemeralOnLocalSessionException(String path) {
      super(ErrorCode.EPHEMERALONLOCALSESSION, path);
    }
  }

  /** No such watch on the path. */
  public static final class NoWatcherException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public NoWatcherException(String path) {
      super(ErrorCode.NOWATCHER, path);
    }
  }

  /** The request timed out. */
  public static final class RequestTimeoutException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public RequestTimeoutException(String path) {
      super(ErrorCode.REQUESTTIMEOUT, path);
    }
  }

  /** A quota was exceeded. */
  public static final class QuotaExceededException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public QuotaExceededException(String path) {
      super(ErrorCode.QUOTAEXCEEDED, path);
    }
  }

  /**
   * The op was throttled: by the server under load, or by this client when too many calls are
   * outstanding.
   */
  public static final class ThrottledOpException extends PaddockException {
    private static final long serialVersionUID = 1L;

    /** An exception for the path (may be null). */
    public ThrottledOpException(String path) {
      super(ErrorCode.THROTTLEDOP, path);
    }
  }
}
