package io.switchboard.impl.history;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.switchboard.impl.testing.FastServer;
import io.switchboard.tck.browserclient.ResumingEndpoint;
import io.switchboard.tck.browserclient.driver.BrowserClientScenarios;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The browser-client scenarios on Tyrus with Weld SE. Tyrus serves no pages: a JDK HTTP server on loopback serves
 * the page from the suite's resources and {@code switchboard/switchboard.js} from the impl jar's
 * {@code META-INF/resources}, the layout a WAR has; the page connects to Tyrus on another port. The restart test stops
 * the Tyrus server and starts a new one, with a new CDI container, on the same port.
 */
class BrowserClientTest extends BrowserClientScenarios {

    /** Path prefix served -> class path folder, and the content types served. */
    private static final Map<String, String> FOLDERS =
            Map.of("/browserclient/", "browserclient/", "/switchboard/", "META-INF/resources/switchboard/");

    private static final Map<String, String> TYPES =
            Map.of("html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8");

    private static HttpServer pages;
    private static FastServer server;

    @BeforeAll
    static void start() throws Exception {
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pages.createContext("/", BrowserClientTest::serve);
        pages.start();
        server = FastServer.start(FastServer.Mode.SWITCHBOARD, ResumingEndpoint.class);
    }

    @AfterAll
    static void stop() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (pages != null) {
                pages.stop(0);
            }
        }
    }

    @Override
    protected URL page() {
        try {
            return new URL("http://127.0.0.1:" + pages.getAddress().getPort() + "/browserclient/resume.html");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    protected URI webSocketBase() {
        return server.base();
    }

    @Override
    protected Restartable restartable() {
        return new Restartable() {
            @Override
            public URL page() {
                return BrowserClientTest.this.page();
            }

            @Override
            public URI webSocketBase() {
                return server.base();
            }

            @Override
            public void restart() throws Exception {
                int port = server.base().getPort();
                server.close();
                server = FastServer.start(FastServer.Mode.SWITCHBOARD, port, ResumingEndpoint.class);
            }

            @Override
            public void close() {}
        };
    }

    private static void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String resource = FOLDERS.entrySet().stream()
                    .filter(folder -> path.startsWith(folder.getKey()) && !path.contains(".."))
                    .map(folder ->
                            folder.getValue() + path.substring(folder.getKey().length()))
                    .findFirst()
                    .orElse(null);
            InputStream in = resource == null
                    ? null
                    : BrowserClientTest.class.getClassLoader().getResourceAsStream(resource);
            if (in == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body;
            try (in) {
                body = in.readAllBytes();
            }
            exchange.getResponseHeaders()
                    .set("Content-Type", TYPES.getOrDefault(path.substring(path.lastIndexOf('.') + 1), "text/plain"));
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
