package io.switchboard.impl.config;

/**
 * The largest messages an endpoint accepts ({@link io.switchboard.MaxMessageSize}).
 *
 * @param text   the largest text message in UTF-8 bytes; 0 leaves the container's limit
 * @param binary the largest binary message in bytes; 0 leaves the container's limit
 */
public record MessageSizeLimits(long text, long binary) {

    /** No limit of Switchboard's own. */
    public static final MessageSizeLimits NONE = new MessageSizeLimits(0, 0);
}
