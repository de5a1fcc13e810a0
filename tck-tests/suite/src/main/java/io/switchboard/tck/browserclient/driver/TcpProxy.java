package io.switchboard.tck.browserclient.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder on 127.0.0.1 between a browser and a server, so that a test can cut the connections under way as a
 * network failure would: {@link #cut()} resets both ends of every link (RST, no close frame), the browser sees 1006
 * and the server an abrupt end. New connections are forwarded as before.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Link> links = ConcurrentHashMap.newKeySet();

    private TcpProxy(ServerSocket listener, InetSocketAddress target) {
        this.listener = listener;
        this.target = target;
    }

    /**
     * Starts forwarding a free port of 127.0.0.1 to the target.
     *
     * @param host the server's host
     * @param port the server's port
     * @return the running proxy; close it
     */
    public static TcpProxy to(String host, int port) {
        try {
            ServerSocket listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            TcpProxy proxy = new TcpProxy(listener, new InetSocketAddress(host, port));
            Thread acceptor = new Thread(proxy::accept, "tcp-proxy-accept-" + listener.getLocalPort());
            acceptor.setDaemon(true);
            acceptor.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The port browsers connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    /**
     * Resets every link under way, both ends.
     *
     * @return how many there were
     */
    public int cut() {
        int cut = 0;
        for (Link link : Set.copyOf(links)) {
            link.reset();
            cut++;
        }
        return cut;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            Socket server = new Socket();
            try {
                server.connect(target, 5000);
            } catch (IOException e) {
                // Nothing listens (a server restarting): the browser sees its connection end, as it would.
                Link.resetQuietly(client);
                Link.resetQuietly(server);
                continue;
            }
            Link link = new Link(client, server);
            links.add(link);
            link.start(() -> links.remove(link));
        }
    }

    /** One forwarded connection: a thread per direction. */
    private record Link(Socket client, Socket server) {

        void start(Runnable ended) {
            pump(client, server, ended);
            pump(server, client, ended);
        }

        private void pump(Socket from, Socket to, Runnable ended) {
            Thread thread = new Thread(
                    () -> {
                        byte[] buffer = new byte[16384];
                        try (InputStream in = from.getInputStream()) {
                            OutputStream out = to.getOutputStream();
                            int read;
                            while ((read = in.read(buffer)) >= 0) {
                                out.write(buffer, 0, read);
                                out.flush();
                            }
                        } catch (IOException e) {
                            // reset or closed: end the link
                        } finally {
                            closeQuietly(client);
                            closeQuietly(server);
                            ended.run();
                        }
                    },
                    "tcp-proxy-" + from.getPort() + "-" + to.getPort());
            thread.setDaemon(true);
            thread.start();
        }

        void reset() {
            resetQuietly(client);
            resetQuietly(server);
        }

        static void resetQuietly(Socket socket) {
            try {
                socket.setSoLinger(true, 0);
            } catch (IOException e) {
                // not connected, or closed already
            }
            closeQuietly(socket);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }
    }
}
