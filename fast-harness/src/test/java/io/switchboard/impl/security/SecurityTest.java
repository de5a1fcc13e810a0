package io.switchboard.impl.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.security.ChatMemberEndpoint;
import io.switchboard.tck.security.SecurityConfig;
import io.switchboard.tck.security.SecurityScenarios;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The security scenarios on Tyrus with Weld SE: no filter, so the configurator refuses during the handshake. */
class SecurityTest extends SecurityScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, ChatMemberEndpoint.class)
            .withConfig(SecurityConfig.properties(Map.of()));

    /**
     * Every hostile request again, with every log record captured: none above FINE may carry a stack trace or any
     * part of a token.
     */
    @Test
    void refusalsLogNeitherTokensNorStackTracesAboveFine() throws IOException {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        Level before = root.getLevel();
        root.setLevel(Level.ALL);
        root.addHandler(capture);
        Set<String> secrets = new HashSet<>();
        try {
            for (Map.Entry<Integer, List<String>> request : hostileRequests().values()) {
                for (String line : request.getValue()) {
                    for (String word : line.split("[ ,=;:?&]+")) {
                        if (word.length() > 20) {
                            secrets.add(word.length() > 40 ? word.substring(word.length() - 40) : word);
                        }
                    }
                }
                List<String> lines = new ArrayList<>(request.getValue());
                lines.removeIf(line -> line.startsWith(QUERY_PREFIX));
                status("secure/chat", lines);
            }
        } finally {
            root.removeHandler(capture);
            root.setLevel(before);
        }
        assertThat(secrets).isNotEmpty();
        for (LogRecord record : records) {
            if (record.getLevel().intValue() <= Level.FINE.intValue()) {
                continue;
            }
            String text = new java.util.logging.SimpleFormatter().format(record);
            assertThat(record.getThrown() == null || record.getThrown().getStackTrace().length == 0)
                    .as("a stack trace in: %s", text)
                    .isTrue();
            for (String secret : secrets) {
                assertThat(text)
                        .as("token text in a %s record", record.getLevel())
                        .doesNotContain(secret);
            }
        }
    }

    @Override
    protected URI base() {
        return server.base();
    }

    @Override
    protected boolean servletContainer() {
        return false;
    }
}
