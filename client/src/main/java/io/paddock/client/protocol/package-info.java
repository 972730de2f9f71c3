/**
 * The ZooKeeper 3.9 client wire protocol as Java records, shared by Paddock's server and client.
 *
 * <p>One record per jute record of PROTOCOL.md §6.2, named in Java style (the jute name is in each
 * javadoc: {@code GetAclRequest} is jute {@code GetACLRequest}, {@code CreateTtlRequest} is {@code
 * CreateTTLRequest}, {@code GetSaslRequest}/{@code SetSaslResponse} are {@code
 * GetSASLRequest}/{@code SetSASLResponse}). Each has {@code write(JuteWriter)} and {@code static
 * read(JuteReader)}, field order being wire order; the bytes are identical to ZooKeeper's own
 * classes. Multi bodies are {@link io.paddock.client.protocol.MultiRequest} and {@link
 * io.paddock.client.protocol.MultiResponse}. {@link io.paddock.client.protocol.RequestCodec} and
 * {@link io.paddock.client.protocol.ResponseCodec} map op codes to records; {@link
 * io.paddock.client.protocol.Xids}, {@link io.paddock.client.protocol.WireLimits} and {@link
 * io.paddock.client.protocol.FourLetterWords} hold the protocol's constants.
 *
 * <p>Decoding never trusts a length: every buffer, string and vector is checked against the bytes
 * left before anything is allocated, and failures are {@link
 * io.paddock.store.codec.MalformedRecordException}. Records do not copy byte arrays; see each one.
 * This package does no I/O: framing belongs to the transport.
 */
package io.paddock.client.protocol;
