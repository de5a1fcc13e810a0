package io.switchboard.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a local server, for what a real server cannot be made to do: stop forwarding
 * both ways while keeping both sockets open (a half-open link), or hold back the handshake's response. It keeps the
 * head of each request, so a test can count handshakes and read their headers.
 */
final class LoopbackProxy implements AutoCloseable {
    private static final AtomicInteger IDS = new AtomicInteger();

    private final ServerSocket listener;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger accepted = new AtomicInteger();
    private final String name = "test-proxy-" + IDS.incrementAndGet();
    private volatile boolean frozen;
    private volatile boolean closed;
    private volatile int slowResponses;
    private volatile long responseDelayMillis;

    /**
     * Listens on a free port of 127.0.0.1 and forwards to another.
     *
     * @param targetPort the server's port on 127.0.0.1
     */
    LoopbackProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, name + "-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy's address with this path, as a {@code ws://} URI. */
    URI uri(String path) {
        return URI.create("ws://127.0.0.1:" + listener.getLocalPort() + "/" + path);
    }

    /** Connections accepted so far. */
    int connections() {
        return accepted.get();
    }

    /** The head (request line and headers) of each request received, in order. */
    List<String> requests() {
        return requests;
    }

    /** Stops forwarding in both directions; every socket stays open and nothing is sent back. */
    void freeze() {
        frozen = true;
    }

    /** Forwards again, what was held back first. */
    void thaw() {
        frozen = false;
    }

    /** Holds back the first bytes the server sends on each of the next {@code count} connections. */
    void delayResponses(int count, Duration delay) {
        this.responseDelayMillis = delay.toMillis();
        this.slowResponses = accepted.get() + count;
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            int number = accepted.incrementAndGet();
            long delay = number <= slowResponses ? responseDelayMillis : 0;
            try {
                Socket server = new Socket();
                server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort), 2000);
                sockets.add(client);
                sockets.add(server);
                start(name + "-up-" + number, () -> pump(client, server, true, 0));
                start(name + "-down-" + number, () -> pump(server, client, false, delay));
            } catch (IOException e) {
                quietly(client);
            }
        }
    }

    private void pump(Socket from, Socket to, boolean upstream, long firstDelayMillis) {
        byte[] chunk = new byte[16 * 1024];
        StringBuilder head = upstream ? new StringBuilder() : null;
        boolean first = true;
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int read; (read = in.read(chunk)) >= 0; ) {
                if (head != null) {
                    head.append(new String(chunk, 0, read, StandardCharsets.ISO_8859_1));
                    int end = head.indexOf("\r\n\r\n");
                    if (end >= 0) {
                        requests.add(head.substring(0, end));
                        head = null;
                    }
                }
                if (first && firstDelayMillis > 0) {
                    Thread.sleep(firstDelayMillis);
                }
                first = false;
                while (frozen && !closed) {
                    Thread.sleep(5);
                }
                out.write(chunk, 0, read);
                out.flush();
            }
        } catch (IOException | InterruptedException ended) {
            // One side went away: so does the other.
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private static void start(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void quietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException ignored) {
            // Gone either way.
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket socket : sockets) {
            quietly(socket);
        }
    }
}
