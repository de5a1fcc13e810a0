package io.switchboard.samples.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.launch.DeployedWar;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;

/**
 * The relay server's meters of its client {@code ticker}, from the server's Prometheus text: Payara's
 * {@code /metrics?scope=application} (tagged {@code mp_scope="application"}), WildFly's {@code :9990/prometheus}
 * ({@code WF_DEPLOYMENT="relay.war"}).
 */
final class RelayMetrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String CLIENT = "client=\"ticker\"";

    private RelayMetrics() {}

    /** The whole scrape. */
    static String scrape(DeployedWar server) throws Exception {
        HttpResponse<String> response =
                HTTP.send(HttpRequest.newBuilder(server.metrics()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    /** The value of the sample {@code name{...client="ticker"...}}, if the scrape has it. */
    static Optional<Double> ofTicker(String scrape, String name) {
        return scrape.lines()
                .filter(line -> line.startsWith(name + "{") && line.contains(CLIENT))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst();
    }
}
