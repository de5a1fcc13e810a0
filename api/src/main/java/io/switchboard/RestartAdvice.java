package io.switchboard;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a client should come back after the application stopped: the close reason Switchboard sends with 1012
 * (Service Restart) to every session as the application stops (undeploy, server stop, a rolling restart).
 *
 * <p>Each session is told its own delay, {@code Service restart; reconnect in <n> ms}, and the delays are spread
 * evenly over the deployment's {@code switchboard.shutdown.reconnect-window} (10 s by default), so that the
 * clients of a node that restarts come back one after another instead of all at once. With a window of zero the
 * reason is only {@code Service restart}, and clients come back as soon as they would after any drop.
 * Switchboard's Java client and {@code switchboard.js} wait as they are told (plus their own short jitter);
 * any client can read the delay with {@link #delay(int, String)}.
 */
public final class RestartAdvice {

    /** The close code: 1012, Service Restart. */
    public static final int CLOSE_CODE = 1012;

    /** The close reason without a delay, and the start of one with a delay. */
    public static final String REASON = "Service restart";

    /** The longest delay a reason may carry (and {@link #delay} reads): one hour. */
    public static final Duration MAX_DELAY = Duration.ofHours(1);

    private static final Pattern ADVICE = Pattern.compile("Service restart; reconnect in ([0-9]{1,7}) ms");

    private RestartAdvice() {}

    /**
     * The close reason that tells a client to come back after a delay.
     *
     * @param delay how long the client should wait; rounded down to milliseconds, at most {@link #MAX_DELAY}
     * @return {@code Service restart; reconnect in <n> ms}
     * @throws IllegalArgumentException if the delay is negative
     */
    public static String reason(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a restart delay cannot be negative: " + delay);
        }
        long millis = Math.min(delay.toMillis(), MAX_DELAY.toMillis());
        return REASON + "; reconnect in " + millis + " ms";
    }

    /**
     * The delay a close asks the client to wait before it reconnects.
     *
     * @param closeCode the close code received
     * @param reason    the close reason received; may be {@code null}
     * @return the delay, for a 1012 whose reason is exactly {@link #reason(Duration)}'s form (up to
     *     {@link #MAX_DELAY}); empty for anything else
     */
    public static Optional<Duration> delay(int closeCode, String reason) {
        if (closeCode != CLOSE_CODE || reason == null || reason.length() > 64) {
            return Optional.empty();
        }
        Matcher advice = ADVICE.matcher(reason);
        if (!advice.matches()) {
            return Optional.empty();
        }
        long millis = Long.parseLong(advice.group(1));
        return millis > MAX_DELAY.toMillis() ? Optional.empty() : Optional.of(Duration.ofMillis(millis));
    }
}
