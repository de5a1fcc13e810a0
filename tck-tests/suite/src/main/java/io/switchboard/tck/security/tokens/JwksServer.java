package io.switchboard.tck.security.tokens;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An identity provider's key set endpoint for tests, on 127.0.0.1 only: serves whatever JWKS was published last at
 * {@code /jwks} and counts the requests it gets, so a test can see how often the server under test fetched keys.
 */
public final class JwksServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicReference<String> published = new AtomicReference<>(TestTokens.jwks());
    private final AtomicInteger fetches = new AtomicInteger();

    private JwksServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = published.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /**
     * A loopback port free now, for a deployment whose configuration must name the port before the server starts.
     *
     * @return the port
     */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Starts serving {@link TestTokens#jwks()}.
     *
     * @param port the port, 0 for any
     * @return the running server
     */
    public static JwksServer start(int port) {
        try {
            return new JwksServer(port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key set's URL, for {@code mp.jwt.verify.publickey.location}. */
    public String location() {
        return location(server.getAddress().getPort());
    }

    /**
     * The URL a server on this port serves its key set at.
     *
     * @param port the port
     * @return the URL
     */
    public static String location(int port) {
        return "http://127.0.0.1:" + port + "/jwks";
    }

    /** Serves this key set from now on (a rotation). */
    public void publish(String jwks) {
        published.set(jwks);
    }

    /** How many times the key set was requested. */
    public int fetches() {
        return fetches.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
