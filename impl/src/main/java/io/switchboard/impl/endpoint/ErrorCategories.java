package io.switchboard.impl.endpoint;

import io.switchboard.CloseCategory;
import jakarta.websocket.DecodeException;
import java.io.IOException;
import java.util.Locale;

/** Which {@link CloseCategory} an error in a session belongs to, and the close reason sent for it. */
final class ErrorCategories {

    private ErrorCategories() {}

    /**
     * The category of an error the container reported, or the endpoint's code threw.
     *
     * @param error    the error
     * @param fromCode whether the endpoint's own code threw it (its I/O errors are the server's, not the peer's)
     */
    static CloseCategory of(Throwable error, boolean fromCode) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < 8; depth++, cause = cause.getCause()) {
            if (cause instanceof DecodeException) {
                return CloseCategory.BAD_DATA;
            }
            if (isTooBig(cause)) {
                return CloseCategory.TOO_BIG;
            }
        }
        if (!fromCode && (error instanceof IOException || error.getCause() instanceof IOException)) {
            return CloseCategory.CONNECTION_LOST;
        }
        return CloseCategory.SERVER_ERROR;
    }

    /** Containers signal an oversized message with their own exception types (Tyrus: MessageTooBigException). */
    private static boolean isTooBig(Throwable error) {
        return error.getClass().getSimpleName().toLowerCase(Locale.ROOT).contains("toobig");
    }

    static String reason(CloseCategory category) {
        return switch (category) {
            case BAD_DATA -> "Bad data";
            case TOO_BIG -> "Message too big";
            default -> "Server error";
        };
    }
}
