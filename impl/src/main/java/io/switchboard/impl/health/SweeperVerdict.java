package io.switchboard.impl.health;

import io.switchboard.impl.session.SessionSweeper;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * What liveness says of the deployment's sweeper (the one thread that finds dead peers, times out heartbeats and
 * idle sessions, and ends closes the container never confirmed): decided from its state and a given time, so that
 * every case is tested with plain numbers.
 *
 * @param state            what it is doing
 * @param lastSweepAgeNanos how long ago its last sweep ended (or it started), or {@code -1} before it started
 * @param stallNanos       the stall threshold applied
 */
public record SweeperVerdict(State state, long lastSweepAgeNanos, long stallNanos) {

    /** The sweeper's states, with the word the check reports and whether liveness is up. */
    public enum State {
        /** Not started: no session has opened yet. Up. */
        IDLE("idle", true),
        /** Sweeping on time. Up. */
        RUNNING("running", true),
        /** Alive, but no sweep has ended for longer than the stall threshold (a sweep hangs). Down. */
        STALLED("stalled", false),
        /** Its periodic task or its thread is gone while the application runs. Down. */
        DEAD("dead", false),
        /** Stopped by the application's end. Up: a stopping application is not one to restart. */
        STOPPED("stopped", true);

        private final String word;
        private final boolean up;

        State(String word, boolean up) {
            this.word = word;
            this.up = up;
        }

        /** The word the check reports, such as {@code running}. */
        public String word() {
            return word;
        }
    }

    /**
     * Decides.
     *
     * @param sweeps the sweeper's state
     * @param now    {@link System#nanoTime()} now
     * @param stall  how long it may go without finishing a sweep
     * @return the verdict
     */
    public static SweeperVerdict of(SessionSweeper.Sweeps sweeps, long now, Duration stall) {
        long stallNanos = stall.toNanos();
        if (sweeps.stopped()) {
            return new SweeperVerdict(State.STOPPED, sweeps.started() ? now - sweeps.lastSweepEnded() : -1, stallNanos);
        }
        if (!sweeps.started()) {
            return new SweeperVerdict(State.IDLE, -1, stallNanos);
        }
        long age = now - sweeps.lastSweepEnded();
        if (!sweeps.alive()) {
            return new SweeperVerdict(State.DEAD, age, stallNanos);
        }
        return new SweeperVerdict(age > stallNanos ? State.STALLED : State.RUNNING, age, stallNanos);
    }

    /** Whether liveness is up. */
    public boolean up() {
        return state.up;
    }

    /**
     * Why liveness is down.
     *
     * @return the reason, or {@code null} when it is up
     */
    public String reason() {
        return switch (state) {
            case STALLED ->
                "the session sweeper has not finished a sweep for " + millis(lastSweepAgeNanos)
                        + " ms (switchboard.health.liveness.sweep-stall is " + millis(stallNanos) + " ms)";
            case DEAD -> "the session sweeper's thread has died: heartbeats, idle timeouts and dead peers go unchecked";
            default -> null;
        };
    }

    /**
     * Milliseconds.
     *
     * @param nanos nanoseconds
     * @return them in whole milliseconds
     */
    static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
