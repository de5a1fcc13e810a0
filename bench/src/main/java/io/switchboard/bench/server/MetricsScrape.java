package io.switchboard.bench.server;

import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Where the server's metrics can be read from inside it, for {@code ControlEndpoint}'s {@code metrics} request:
 * set by a server that holds its registry itself (the Tyrus bench server's Prometheus registry). Payara Micro
 * serves its own at {@code /metrics}; the load generator reads that over HTTP.
 */
public final class MetricsScrape {

    private static volatile Supplier<String> source;

    private MetricsScrape() {}

    /** @param scrape the registry's whole Prometheus text, on demand */
    public static void use(Supplier<String> scrape) {
        source = scrape;
    }

    /** {@code metrics none}, or {@code metrics} and the Prometheus lines of Switchboard's message counters. */
    static String answer() {
        Supplier<String> scrape = source;
        if (scrape == null) {
            return "metrics none";
        }
        return "metrics\n"
                + scrape.get()
                        .lines()
                        .filter(line -> line.startsWith("switchboard_messages_"))
                        .collect(Collectors.joining("\n"));
    }
}
