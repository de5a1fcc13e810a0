package io.switchboard.impl.config;

import io.switchboard.MaxMessageSize;

/**
 * The largest messages an endpoint accepts ({@link io.switchboard.MaxMessageSize}).
 *
 * @param text   the largest text message in UTF-8 bytes; 0 leaves the container's limit
 * @param binary the largest binary message in bytes; 0 leaves the container's limit
 */
public record MessageSizeLimits(long text, long binary) {

    /** No limit of Switchboard's own. */
    public static final MessageSizeLimits NONE = new MessageSizeLimits(0, 0);

    /**
     * An endpoint's limits: {@code max-message-size.text} and {@code max-message-size.binary} (sizes; 0 leaves the
     * container's limit), endpoint key first, then {@link MaxMessageSize}, then the default key.
     *
     * @param endpoint the endpoint's settings
     * @param limits   the endpoint's annotation, or {@code null}
     * @return the limits
     * @throws IllegalArgumentException if a value is not a size
     */
    public static MessageSizeLimits read(Settings.Endpoint endpoint, MaxMessageSize limits) {
        return new MessageSizeLimits(
                endpoint.key("max-message-size.text")
                        .as(Parsers.SIZE)
                        .or(limits == null ? null : new Annotated("@MaxMessageSize(text)", limits.text()))
                        .orDefault(0L),
                endpoint.key("max-message-size.binary")
                        .as(Parsers.SIZE)
                        .or(limits == null ? null : new Annotated("@MaxMessageSize(binary)", limits.binary()))
                        .orDefault(0L));
    }
}
