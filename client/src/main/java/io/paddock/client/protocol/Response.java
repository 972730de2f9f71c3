package io.paddock.client.protocol;

/**
 * The body of an S→C frame that follows a {@link ReplyHeader} with err 0: one record per op code
 * (see {@link ResponseCodec} for the mapping), {@link EmptyResponse} for ops without a body, and
 * {@link WatcherEvent} for notifications (xid −1).
 *
 * <p>Sealed so that a {@code switch} over a decoded response is checked for completeness.
 */
public sealed interface Response extends JuteRecord
    permits Create2Response,
        CreateResponse,
        EmptyResponse,
        ErrorResponse,
        ExistsResponse,
        GetAclResponse,
        GetAllChildrenNumberResponse,
        GetChildren2Response,
        GetChildrenResponse,
        GetDataResponse,
        GetEphemeralsResponse,
        MultiResponse,
        SetAclResponse,
        SetDataResponse,
        SetSaslResponse,
        SyncResponse,
        WatcherEvent,
        WhoAmIResponse {}
