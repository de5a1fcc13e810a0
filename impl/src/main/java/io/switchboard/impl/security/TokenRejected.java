package io.switchboard.impl.security;

/**
 * A token that does not verify. Its message is a fixed phrase chosen by Switchboard, safe to log: it never
 * quotes the token or anything read from it.
 */
public final class TokenRejected extends Exception {

    private static final long serialVersionUID = 1L;

    TokenRejected(String reason) {
        super(reason, null, false, false);
    }
}
