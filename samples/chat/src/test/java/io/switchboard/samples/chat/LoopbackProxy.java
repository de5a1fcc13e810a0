package io.switchboard.samples.chat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a server on 127.0.0.1, whose network a test can cut: {@link #cut()} resets
 * every connection through it and refuses new ones (each is accepted and reset at once, as a dropped network does),
 * {@link #restore()} lets them through again. A browser that loads a page through it sends everything for that page
 * (token requests, WebSockets) through it too.
 */
final class LoopbackProxy implements AutoCloseable {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ServerSocket listener;
    private volatile int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        Thread thread = new Thread(work, "loopback-proxy-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean cut;
    private final AtomicInteger refused = new AtomicInteger();

    private LoopbackProxy(ServerSocket listener, int targetPort) {
        this.listener = listener;
        this.targetPort = targetPort;
    }

    /** A proxy on a free port of 127.0.0.1 to a port of 127.0.0.1, accepting at once. */
    static LoopbackProxy to(int targetPort) throws IOException {
        ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        LoopbackProxy proxy = new LoopbackProxy(listener, targetPort);
        proxy.threads.execute(proxy::accept);
        return proxy;
    }

    /** The same URI with the proxy's port in place of the server's. */
    URI through(URI uri) {
        return URI.create(uri.toString().replaceFirst(":" + targetPort + "/", ":" + listener.getLocalPort() + "/"));
    }

    /** Resets every connection through the proxy and refuses new ones until {@link #restore()}. */
    void cut() {
        cut = true;
        sockets.forEach(LoopbackProxy::reset);
    }

    /**
     * Sends new connections to another port of 127.0.0.1 from now on (connections open already keep theirs), as a
     * load balancer does when the server it used goes away. {@link #through(URI)} maps the new port thereafter.
     */
    void retarget(int port) {
        targetPort = port;
    }

    /** Lets connections through again. */
    void restore() {
        cut = false;
    }

    /** How many connections were refused while cut. */
    int refused() {
        return refused.get();
    }

    @Override
    public void close() throws IOException {
        listener.close();
        sockets.forEach(LoopbackProxy::reset);
        threads.shutdownNow();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            if (cut) {
                refused.incrementAndGet();
                reset(client);
                continue;
            }
            threads.execute(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket server = new Socket();
        int port = targetPort;
        sockets.add(client);
        sockets.add(server);
        try {
            server.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
        } catch (IOException unreachable) {
            end(client, server);
            return;
        }
        if (cut) { // cut while connecting
            end(client, server);
            return;
        }
        threads.execute(() -> pipe(client, server));
        threads.execute(() -> pipe(server, client));
    }

    /** Copies one direction until either side ends, then ends both. */
    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ended) {
            // reset by cut(), or by either side
        }
        end(from, to);
    }

    private void end(Socket a, Socket b) {
        for (Socket socket : new Socket[] {a, b}) {
            sockets.remove(socket);
            try {
                socket.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    /** Closes with a reset (RST) rather than a goodbye (FIN), as a dropped connection ends. */
    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException closedAlready) {
            // nothing to reset
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // closed already
        }
    }
}
