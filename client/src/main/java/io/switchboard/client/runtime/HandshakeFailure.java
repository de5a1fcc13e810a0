package io.switchboard.client.runtime;

import java.lang.reflect.Method;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a failed handshake: its HTTP status and {@code Retry-After}, which JSR 356 does not expose, so each client
 * container is read its own way.
 *
 * @param status     the HTTP status, or 0 where none came (refused, reset, timed out)
 * @param retryAfter the server's {@code Retry-After}, or {@code null}
 */
record HandshakeFailure(int status, Duration retryAfter) {
    private static final Pattern STATUS_IN_MESSAGE = Pattern.compile(
            "(?i)(?:response code was not 101: |invalid response code |status(?: code)?:? )([1-5]\\d\\d)\\b");
    private static final int MAX_CAUSES = 32;

    /**
     * @param failure         what {@code connectToServer} threw
     * @param responseHeaders the response's headers if the configurator's {@code afterResponse} saw them, else empty
     * @param now             the wall clock, for a {@code Retry-After} given as a date
     */
    static HandshakeFailure of(Throwable failure, Map<String, List<String>> responseHeaders, ZonedDateTime now) {
        int status = 0;
        Duration retryAfter = retryAfter(responseHeaders, now);
        // Bounded: a chain of causes may loop (initCause refuses only a cause of itself).
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < MAX_CAUSES; cause = cause.getCause(), depth++) {
            // Tyrus (Payara, Java SE): HandshakeException.getHttpStatusCode(), RetryAfterException.getDelay() seconds.
            Object code = call(cause, "getHttpStatusCode");
            if (!(code instanceof Integer)) {
                // XNIO (WildFly) RedirectException.getStatusCode() when redirects ran out.
                code = call(cause, "getStatusCode");
            }
            if (status == 0 && code instanceof Integer number && number >= 100) {
                status = number;
            }
            Object delay = call(cause, "getDelay");
            if (retryAfter == null && delay instanceof Long seconds && seconds >= 0) {
                retryAfter = Duration.ofSeconds(seconds);
            }
            // Undertow (WildFly) puts the status in the message only ("Invalid response code 429"); Tyrus's own
            // words are "Response code was not 101: 429.".
            if (status == 0 && cause.getMessage() != null) {
                Matcher matcher = STATUS_IN_MESSAGE.matcher(cause.getMessage());
                if (matcher.find()) {
                    status = Integer.parseInt(matcher.group(1));
                }
            }
        }
        return new HandshakeFailure(status, retryAfter);
    }

    /** {@code Retry-After} as seconds or an HTTP date; {@code null} where absent or unreadable. */
    static Duration retryAfter(Map<String, List<String>> headers, ZonedDateTime now) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (!"retry-after".equalsIgnoreCase(header.getKey())
                    || header.getValue().isEmpty()) {
                continue;
            }
            String value = header.getValue().get(0).trim();
            try {
                long seconds = Long.parseLong(value);
                return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 86_400));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration until =
                            Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME));
                    return until.isNegative() ? Duration.ZERO : until;
                } catch (RuntimeException notADate) {
                    return null;
                }
            }
        }
        return null;
    }

    private static Object call(Throwable target, String method) {
        try {
            Method getter = target.getClass().getMethod(method);
            return getter.getParameterCount() == 0 ? getter.invoke(target) : null;
        } catch (ReflectiveOperationException | RuntimeException none) {
            return null;
        }
    }
}
