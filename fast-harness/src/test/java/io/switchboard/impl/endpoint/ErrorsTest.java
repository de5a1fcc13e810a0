package io.switchboard.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.client.TestClient;
import io.switchboard.tck.errors.ErrorScenarios;
import io.switchboard.tck.errors.ThrowingEndpoint;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The error scenarios on Tyrus with Weld SE, and what gets logged. */
class ErrorsTest extends ErrorScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, ThrowingEndpoint.class);

    @Override
    protected URI base() {
        return server.base();
    }

    @Test
    void eachErrorIsLoggedOnceWithEndpointAndSessionAtItsCategorysLevel() {
        Logger logger = Logger.getLogger(BridgeEndpoint.class.getName());
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                    records.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(capture);
        try (TestClient bad = TestClient.connect(base().resolve("errors/number"));
                TestClient failing = TestClient.connect(base().resolve("errors/throw"))) {
            bad.sendText("x");
            bad.awaitClose();
            failing.sendText("throw");
            failing.awaitClose();
            await().until(() -> records.size() >= 2);
        } finally {
            logger.removeHandler(capture);
        }
        assertThat(records).hasSize(2);
        assertThat(records.get(0).getLevel()).isEqualTo(Level.INFO);
        assertThat(records.get(0).getMessage())
                .startsWith("Switchboard: bad_data in endpoint NumberEndpoint, session ");
        assertThat(records.get(0).getThrown()).isNull();
        assertThat(records.get(1).getLevel()).isEqualTo(Level.WARNING);
        assertThat(records.get(1).getMessage())
                .startsWith("Switchboard: server_error in endpoint ThrowingEndpoint, session ");
        assertThat(records.get(1).getThrown()).isInstanceOf(IllegalStateException.class);
    }
}
