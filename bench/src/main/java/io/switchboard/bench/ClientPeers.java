package io.switchboard.bench;

import io.switchboard.client.BufferPolicy;
import io.switchboard.client.ClientConnected;
import io.switchboard.client.ClientListener;
import io.switchboard.client.ClientOptions;
import io.switchboard.client.runtime.ReconnectingClient;
import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import jakarta.websocket.WebSocketContainer;
import java.net.URI;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The two clients the client part compares, each on one connection to {@code ClientPeerEndpoint}: A, a bare JSR 356
 * client, and B, a {@link ReconnectingClient}. Both hand what arrives to the same {@link Inbox}.
 */
final class ClientPeers {

    /** How long a round may wait for the server's answer or the last pushed message. */
    static final long TIMEOUT_SECONDS = 120;

    /** B's most futures not yet completed: the sender waits above it, well within the buffer's bound. */
    static final int WINDOW = 1024;

    /** B looks at every this-many-th future (they complete in order): cheaper than a callback on each. */
    static final int STEP = 128;

    /** B's buffer: four times the window, and bytes for that many 4 KiB messages and more. */
    static final int BUFFER_MESSAGES = 4 * WINDOW;

    static final long BUFFER_BYTES = 64L * 1024 * 1024;

    private ClientPeers() {}

    /** One connection of the comparison. */
    interface Peer extends AutoCloseable {
        /** A or B, for the tables. */
        String label();

        /**
         * Sends {@code count} messages, then {@code end}.
         *
         * @return how many messages the server counted before {@code end}
         */
        long send(String text, int count) throws Exception;

        /** Asks the server to push {@code count} messages of {@code size} bytes, and waits until all arrived. */
        void receive(int count, int size) throws Exception;

        @Override
        void close();
    }

    /** What arrives, the same for both clients: pushed messages counted, and the server's answer to {@code end}. */
    static final class Inbox {
        private final AtomicLong arrived = new AtomicLong();
        private volatile long expected = -1;
        private volatile CompletableFuture<Void> pushed = new CompletableFuture<>();
        private volatile CompletableFuture<String> answer = new CompletableFuture<>();

        void onText(String text) {
            if (text.startsWith("received ")) {
                answer.complete(text);
            } else if (arrived.incrementAndGet() == expected) {
                pushed.complete(null);
            }
        }

        CompletableFuture<Void> expect(long count) {
            arrived.set(0);
            pushed = new CompletableFuture<>();
            expected = count;
            return pushed;
        }

        CompletableFuture<String> expectAnswer() {
            answer = new CompletableFuture<>();
            return answer;
        }

        static long count(CompletableFuture<String> answer) throws Exception {
            return Long.parseLong(answer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS).substring("received ".length()));
        }
    }

    /**
     * A: {@code ContainerProvider.getWebSocketContainer().connectToServer} and {@code getAsyncRemote().sendText} with
     * a {@link SendHandler}, one message in flight at a time (the next one starts once the handler has been called:
     * the discipline of B's buffer, without the buffer); a {@link MessageHandler.Whole} for what arrives.
     */
    static final class Bare extends Endpoint implements Peer {
        private final Inbox inbox = new Inbox();
        private final Session session;

        Bare(WebSocketContainer container, URI uri) throws Exception {
            this.session = container.connectToServer(
                    this, ClientEndpointConfig.Builder.create().build(), uri);
        }

        @Override
        public void onOpen(Session opened, EndpointConfig config) {
            opened.addMessageHandler(String.class, (MessageHandler.Whole<String>) inbox::onText);
        }

        @Override
        public String label() {
            return "A: bare JSR 356 client";
        }

        @Override
        public long send(String text, int count) throws Exception {
            Semaphore inFlight = new Semaphore(1);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            SendHandler written = result -> {
                if (!result.isOK()) {
                    failure.compareAndSet(null, result.getException());
                }
                inFlight.release();
            };
            RemoteEndpoint.Async remote = session.getAsyncRemote();
            for (int i = 0; i < count; i++) {
                acquire(inFlight);
                remote.sendText(text, written);
            }
            acquire(inFlight);
            if (failure.get() != null) {
                throw new IllegalStateException("A: a write failed", failure.get());
            }
            CompletableFuture<String> answer = inbox.expectAnswer();
            remote.sendText("end").get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Inbox.count(answer);
        }

        private static void acquire(Semaphore inFlight) throws InterruptedException {
            if (!inFlight.tryAcquire(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A: a write did not complete within " + TIMEOUT_SECONDS + " s");
            }
        }

        @Override
        public void receive(int count, int size) throws Exception {
            CompletableFuture<Void> pushed = inbox.expect(count);
            session.getAsyncRemote().sendText("push " + count + " " + size).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            pushed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            try {
                session.close();
            } catch (Exception ignored) {
                // the part is over either way
            }
        }
    }

    /**
     * B (and B′): a {@link ReconnectingClient} with {@link BufferPolicy#BUFFER}, its other settings the defaults (30 s
     * heartbeat, which no round lasts long enough to see), {@code sendText} and the futures it returns; a
     * {@link ClientListener} for what arrives. The sender keeps at most {@link #WINDOW} futures outstanding, so the
     * buffer never refuses.
     */
    static final class Reconnecting implements Peer {
        private final Inbox inbox = new Inbox();
        private final ReconnectingClient client;
        private final boolean awaitEach;

        /**
         * @param awaitEach {@code true} for B′: the caller waits for each send's future before the next, never
         *                  running ahead of the writes (A's discipline, on B's code)
         */
        Reconnecting(WebSocketContainer container, URI uri, String name, boolean awaitEach) throws Exception {
            this.awaitEach = awaitEach;
            CompletableFuture<Void> connected = new CompletableFuture<>();
            this.client = ReconnectingClient.builder(ClientOptions.builder(name, uri)
                            .buffer(BUFFER_MESSAGES, BUFFER_BYTES, BufferPolicy.BUFFER)
                            .build())
                    .container(container)
                    .listener(new ClientListener() {
                        @Override
                        public void onConnected(ClientConnected link) {
                            connected.complete(null);
                        }

                        @Override
                        public void onText(String text) {
                            inbox.onText(text);
                        }
                    })
                    .open();
            connected.get(30, TimeUnit.SECONDS);
        }

        @Override
        public String label() {
            return awaitEach ? "B′: ReconnectingClient, each send awaited" : "B: ReconnectingClient";
        }

        @Override
        public long send(String text, int count) throws Exception {
            if (awaitEach) {
                for (int i = 0; i < count; i++) {
                    client.sendText(text).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                }
                CompletableFuture<String> answer = inbox.expectAnswer();
                client.sendText("end");
                return Inbox.count(answer);
            }
            AtomicLong written = new AtomicLong();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread sender = Thread.currentThread();
            CompletableFuture<Void> last = null;
            for (int i = 0; i < count; i++) {
                long deadline = 0;
                while (i - written.get() >= WINDOW && failure.get() == null) {
                    if (deadline == 0) {
                        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
                    } else if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("B: no write completed within " + TIMEOUT_SECONDS + " s");
                    }
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                }
                CompletableFuture<Void> done = client.sendText(text);
                if ((i + 1) % STEP == 0 || i == count - 1) {
                    long sent = i + 1;
                    done.whenComplete((ok, refused) -> {
                        if (refused != null) {
                            failure.compareAndSet(null, refused);
                        }
                        written.set(sent);
                        LockSupport.unpark(sender);
                    });
                    last = done;
                }
            }
            if (last != null) {
                last.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            if (failure.get() != null) {
                throw new IllegalStateException("B: a send was refused", failure.get());
            }
            CompletableFuture<String> answer = inbox.expectAnswer();
            client.sendText("end");
            return Inbox.count(answer);
        }

        @Override
        public void receive(int count, int size) throws Exception {
            CompletableFuture<Void> pushed = inbox.expect(count);
            client.sendText("push " + count + " " + size);
            pushed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
