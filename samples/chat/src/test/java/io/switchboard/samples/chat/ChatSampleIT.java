package io.switchboard.samples.chat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The packaged sample on a real Payara Micro, started exactly as {@code -Prun} starts it, with real
 * WebSocket clients over loopback.
 */
class ChatSampleIT {

    private static final Duration STARTUP = Duration.ofSeconds(Long.getLong("chat.startup.timeout", 180));
    private static final Duration WAIT = Duration.ofSeconds(15);

    private static ChatServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<Client> CLIENTS = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        Path workDir = Path.of(System.getProperty("chat.workdir"));
        ChatServer.Setup setup = new ChatServer.Setup(
                Path.of(System.getProperty("chat.payara.jar")),
                Path.of(System.getProperty("chat.war")),
                Path.of(System.getProperty("chat.preboot")),
                workDir,
                freePort());
        server = ChatServer.start(setup, STARTUP, workDir.resolve("payara.log"));
    }

    @AfterAll
    static void stopServer() {
        CLIENTS.forEach(Client::abort);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void servesThePage() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(server.baseUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("Switchboard chat"), page.body());
    }

    @Test
    void relaysToTheOtherMembersOfTheRoomReplaysHistoryAndListsThem() throws Exception {
        Client alice = connect("it-room");
        Client bob = connect("it-room");
        Client carol = connect("elsewhere");

        String listed = awaitSessions("it-room", body -> count(body) == 2);
        assertEquals(2, occurrences(listed, "\"endpoint\"\\s*:\\s*\"ChatEndpoint\""), listed);
        assertEquals(2, occurrences(listed, "\"room\"\\s*:\\s*\"it-room\""), listed);
        assertEquals(2, occurrences(listed, "\"state\"\\s*:\\s*\"OPEN\""), listed);
        assertEquals(1, count(awaitSessions("elsewhere", body -> count(body) == 1)));
        assertEquals(3, count(awaitSessions(null, body -> count(body) == 3)));

        alice.send("alice: hello, room");
        assertEquals("alice: hello, room", bob.next(WAIT));

        bob.send("bob: hi alice");
        assertEquals("bob: hi alice", alice.next(WAIT));

        // Each message went to the others in the room only: not back to its sender, not to another room.
        assertNull(alice.received.poll(500, TimeUnit.MILLISECONDS));
        assertNull(bob.received.poll(0, TimeUnit.MILLISECONDS));
        assertNull(carol.received.poll(0, TimeUnit.MILLISECONDS));

        // A newcomer gets the room's recent messages, in order.
        Client dave = connect("it-room");
        assertEquals("alice: hello, room", dave.next(WAIT));
        assertEquals("bob: hi alice", dave.next(WAIT));
        dave.close();
        awaitSessions("it-room", body -> count(body) == 2);

        alice.close();
        awaitSessions("it-room", body -> count(body) == 1);
        bob.close();
        carol.close();
        awaitSessions(null, body -> count(body) == 0);
    }

    private static Client connect(String room) throws Exception {
        Client client = new Client();
        URI uri = URI.create(server.baseUri().toString().replaceFirst("^http", "ws") + "chat/" + room);
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, client)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        CLIENTS.add(client);
        return client;
    }

    /** Polls {@code /sessions} until its body satisfies the condition; fails with the last body otherwise. */
    private static String awaitSessions(String room, Predicate<String> condition) throws Exception {
        URI uri = server.baseUri().resolve(room == null ? "sessions" : "sessions?room=" + room);
        long deadline = System.nanoTime() + WAIT.toNanos();
        String body;
        do {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            body = response.body();
            if (condition.test(body)) {
                return body;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("GET " + uri + " never met the condition; last body:\n" + body);
    }

    private static int count(String sessionsJson) {
        Matcher count = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(sessionsJson);
        assertTrue(count.find(), sessionsJson);
        return Integer.parseInt(count.group(1));
    }

    private static int occurrences(String text, String regex) {
        return (int) Pattern.compile(regex).matcher(text).results().count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** A JDK WebSocket client that queues the text messages it receives. */
    private static final class Client implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        String next(Duration timeout) throws InterruptedException {
            String message = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + timeout);
            }
            return message;
        }

        void close() throws Exception {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        }

        void abort() {
            if (socket != null) {
                socket.abort();
            }
        }
    }
}
