package io.switchboard.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/**
 * An HTTP server on 127.0.0.1 that refuses every WebSocket upgrade with a scripted status and headers, keeping the
 * time and head of each request: what Tyrus's own server cannot be made to answer (a 429 or 503 with
 * {@code Retry-After}).
 */
final class RefusingHttpServer implements AutoCloseable {

    /** One request: when it arrived ({@link System#nanoTime()}) and its head. */
    record Request(long at, String head) {}

    private final ServerSocket listener;
    private final IntFunction<String> responses;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    /**
     * @param responses for the n-th request (from 1), the status line and headers, each ending in CRLF
     */
    RefusingHttpServer(IntFunction<String> responses) throws IOException {
        this.responses = responses;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::serve, "test-refusing-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/" + path);
    }

    List<Request> requests() {
        return requests;
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                socket.setSoTimeout(5000);
                String head = readHead(socket.getInputStream());
                requests.add(new Request(System.nanoTime(), head));
                String response = responses.apply(requests.size()) + "Content-Length: 0\r\nConnection: close\r\n\r\n";
                socket.getOutputStream().write(response.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // Closed, or a client that went away: take the next.
            }
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        for (int b; (b = in.read()) >= 0; ) {
            head.write(b);
            matched = (b == '\r' || b == '\n') && "\r\n\r\n".charAt(matched) == b ? matched + 1 : b == '\r' ? 1 : 0;
            if (matched == 4) {
                break;
            }
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
