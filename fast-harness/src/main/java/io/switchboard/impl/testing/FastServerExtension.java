package io.switchboard.impl.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A {@link FastServer} for the tests of one class, started before them and stopped after:
 *
 * <pre>{@code
 * @RegisterExtension
 * static FastServerExtension server = new FastServerExtension(Mode.SWITCHBOARD, QuietEndpoint.class)
 *         .withConfig("switchboard.default.heartbeat.interval", "1s");
 * }</pre>
 *
 * Configuration is set as system properties (which MicroProfile Config reads) while the server runs.
 */
public final class FastServerExtension implements BeforeAllCallback, AfterAllCallback {

    private final FastServer.Mode mode;
    private final Class<?>[] packages;
    private final Map<String, String> config = new LinkedHashMap<>();
    private FastServer server;

    public FastServerExtension(FastServer.Mode mode, Class<?>... packages) {
        this.mode = mode;
        this.packages = packages;
    }

    /** Sets a configuration property for the server's lifetime. */
    public FastServerExtension withConfig(String key, String value) {
        config.put(key, value);
        return this;
    }

    /** Sets configuration properties for the server's lifetime. */
    public FastServerExtension withConfig(Map<String, String> properties) {
        config.putAll(properties);
        return this;
    }

    /** The running server's base URI, {@code ws://127.0.0.1:<port>/}. */
    public URI base() {
        return server.base();
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        config.forEach(System::setProperty);
        server = FastServer.start(mode, packages);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            server.close();
        } finally {
            config.keySet().forEach(System::clearProperty);
        }
    }
}
