package io.switchboard.impl.metrics;

import java.util.Locale;

/** The {@code type} tag of message counts. */
public enum MessageKind {
    TEXT,
    BINARY,
    PING,
    PONG;

    final String tag = name().toLowerCase(Locale.ROOT);
}
