package io.switchboard.impl.tracing;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.impl.tracing.sdk.OpenTelemetryProducer;
import io.switchboard.tck.tracing.RecordedSpan;
import io.switchboard.tck.tracing.TracedEndpoint;
import io.switchboard.tck.tracing.TracingScenarios;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tracing scenario on Tyrus with Weld SE, the application offering an OpenTelemetry SDK bean. */
class TracingTest extends TracingScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(
                    FastServer.Mode.SWITCHBOARD, TracedEndpoint.class, OpenTelemetryProducer.class)
            .withConfig(properties(CONFIG));

    static Map<String, String> properties(String lines) {
        return lines.lines()
                .map(line -> line.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected List<RecordedSpan> spans() {
        return OpenTelemetryProducer.SPANS.spans();
    }

    /** Bare Tyrus has no servlet filter: an origin refusal's span starts a trace of its own. */
    @Override
    protected boolean handshakeFilterRuns() {
        return false;
    }
}
