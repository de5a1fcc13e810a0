package io.switchboard.impl.session;

import io.switchboard.impl.config.Durations;
import io.switchboard.impl.config.Parser;
import io.switchboard.impl.config.Settings;
import java.time.Duration;

/**
 * How the application's sessions end when it stops (deployment-wide settings).
 *
 * @param drain           how long queued messages may take to go out ({@code switchboard.shutdown.drain-timeout},
 *                        default 5 s)
 * @param reconnectWindow over how long the clients are told to spread their reconnects
 *                        ({@code switchboard.shutdown.reconnect-window}, default 10 s, at most an hour; zero tells
 *                        them nothing)
 */
public record ShutdownSettings(Duration drain, Duration reconnectWindow) {

    /** The settings' defaults. */
    public static final ShutdownSettings DEFAULTS = new ShutdownSettings(Duration.ofSeconds(5), Duration.ofSeconds(10));

    /**
     * Reads the settings.
     *
     * @param settings the deployment's settings
     * @return the settings
     * @throws IllegalArgumentException if a value is not a duration of zero or more (the window: up to an hour),
     *     naming the key and the value
     */
    public static ShutdownSettings read(Settings settings) {
        Duration drain = settings.key("switchboard.shutdown.drain-timeout")
                .as(Parser.of(Durations::parse, "a duration of zero or more")
                        .requiring(d -> !d.isNegative(), "a duration of zero or more"))
                .orDefault(DEFAULTS.drain());
        Duration window = settings.key("switchboard.shutdown.reconnect-window")
                .as(Parser.of(Durations::parse, "a duration from 0 to 1h")
                        .requiring(
                                d -> !d.isNegative() && d.compareTo(io.switchboard.RestartAdvice.MAX_DELAY) <= 0,
                                "a duration from 0 to 1h"))
                .orDefault(DEFAULTS.reconnectWindow());
        return new ShutdownSettings(drain, window);
    }
}
