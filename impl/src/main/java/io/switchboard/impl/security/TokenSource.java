package io.switchboard.impl.security;

/** Where in a handshake request a bearer token may travel. */
public enum TokenSource {
    /** {@code Authorization: Bearer <token>}, or the header {@code mp.jwt.token.header} names. */
    HEADER,
    /**
     * {@code Sec-WebSocket-Protocol: <marker>, <token>}: the one place a browser's {@code new WebSocket(url,
     * protocols)} can put a credential. The server selects the marker and never echoes the token.
     */
    SUBPROTOCOL,
    /** A query parameter; off unless configured, as URLs end up in logs and histories. */
    QUERY,
    /** The cookie {@code mp.jwt.token.cookie} names; off unless configured, as cookies invite cross-site use. */
    COOKIE
}
