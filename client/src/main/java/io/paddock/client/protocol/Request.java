package io.paddock.client.protocol;

/**
 * The body of a C→S frame that follows a {@link RequestHeader}: one record per op code (see {@link
 * RequestCodec} for the mapping), {@link EmptyRequest} for ops without a body.
 *
 * <p>Sealed so that a {@code switch} over a decoded request is checked for completeness.
 */
public sealed interface Request extends JuteRecord
    permits AddWatchRequest,
        AuthPacket,
        CheckVersionRequest,
        CheckWatchesRequest,
        CreateRequest,
        CreateTtlRequest,
        DeleteContainerRequest,
        DeleteRequest,
        EmptyRequest,
        ExistsRequest,
        GetAclRequest,
        GetAllChildrenNumberRequest,
        GetChildren2Request,
        GetChildrenRequest,
        GetDataRequest,
        GetEphemeralsRequest,
        GetSaslRequest,
        MultiRequest,
        ReconfigRequest,
        RemoveWatchesRequest,
        SetAclRequest,
        SetDataRequest,
        SetWatches,
        SetWatches2,
        SyncRequest {}
