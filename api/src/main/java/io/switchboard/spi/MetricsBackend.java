package io.switchboard.spi;

import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Where Switchboard's metrics go. Switchboard creates each instrument once (per endpoint, per tag value) and
 * keeps it, so a backend's lookup cost is paid at creation, never per message; the instruments themselves must
 * not allocate when they record. Names are dotted ({@code switchboard.sessions.opened}), units are given
 * separately, and tags are few and bounded (the endpoint id, a category, a message type), never a session, room
 * or user.
 *
 * <p>Switchboard chooses at deployment: a CDI bean of this type in the application, else MicroProfile Metrics'
 * application registry where the server has one (Payara), else a Micrometer {@code MeterRegistry} bean (WildFly's
 * {@code micrometer} subsystem), else no metrics.
 */
public interface MetricsBackend {

    /** A monotonically increasing count. */
    @FunctionalInterface
    interface Counter {
        /**
         * Adds to the count.
         *
         * @param amount how much, 0 or more
         */
        void add(long amount);
    }

    /** A distribution of recorded values: a timer (nanoseconds) or a histogram (plain values). */
    @FunctionalInterface
    interface Distribution {
        /**
         * Records one value.
         *
         * @param value the value: nanoseconds for a timer
         */
        void record(long value);
    }

    /**
     * A counter.
     *
     * @param name        the dotted name
     * @param description what it counts
     * @param unit        its unit ({@code "bytes"}), or {@code null}
     * @param tags        its tags
     * @return the counter
     */
    Counter counter(String name, String description, String unit, Map<String, String> tags);

    /**
     * A timer, recording nanoseconds.
     *
     * @param name        the dotted name
     * @param description what it times
     * @param tags        its tags
     * @return the timer
     */
    Distribution timer(String name, String description, Map<String, String> tags);

    /**
     * A histogram of plain values.
     *
     * @param name        the dotted name
     * @param description what it records
     * @param unit        its unit, or {@code null}
     * @param tags        its tags
     * @return the histogram
     */
    Distribution histogram(String name, String description, String unit, Map<String, String> tags);

    /**
     * A gauge, read when the metrics are read.
     *
     * @param name        the dotted name
     * @param description what it shows
     * @param tags        its tags
     * @param value       reads the current value; called on the scraper's thread
     */
    void gauge(String name, String description, Map<String, String> tags, LongSupplier value);

    /** Removes everything this backend registered: the application is stopping. */
    void close();
}
