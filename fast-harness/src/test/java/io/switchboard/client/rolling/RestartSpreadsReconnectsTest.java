package io.switchboard.client.rolling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.switchboard.RestartAdvice;
import io.switchboard.client.ClientListener;
import io.switchboard.client.ClientOptions;
import io.switchboard.client.ClientState;
import io.switchboard.client.ClientStateChanged;
import io.switchboard.client.runtime.ReconnectingClient;
import io.switchboard.impl.testing.FastServer;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.server.ServerEndpoint;
import java.net.BindException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A rolling restart without a reconnect storm, on Tyrus with Weld SE and 1,000 of Switchboard's Java clients: the
 * application stops (every session closed with 1012 and its own delay, spread over the reconnect window), starts
 * again on the same port, and the clients come back as they were told, over the window, rather than all at once.
 * With a window of zero they do come back all at once: that is the storm the window prevents.
 */
class RestartSpreadsReconnectsTest {

    private static final int CLIENTS = 1_000;
    private static final Duration INITIAL = Duration.ofMillis(100);

    @ServerEndpoint("/rolling/member")
    public static class MemberEndpoint {
        static final AtomicInteger OPENED = new AtomicInteger();

        @OnOpen
        public void open() {
            OPENED.incrementAndGet();
        }

        @OnMessage
        public void ignore(String text) {}
    }

    @AfterEach
    void clearConfig() {
        System.clearProperty("switchboard.shutdown.reconnect-window");
    }

    @Test
    void theClientsOfARestartingServerComeBackSpreadOverTheWindow() throws Exception {
        Duration window = Duration.ofSeconds(5);
        List<Member> members = restart(window);

        // Each was told its own moment, in a slot of its own: every tenth of the window holds a tenth of them.
        int[] advisedPerTenth = new int[10];
        for (Member member : members) {
            assertThat(member.code).isEqualTo(1012);
            long advised = RestartAdvice.delay(member.code, member.reason)
                    .orElseThrow(() -> new AssertionError("no delay in " + member.reason))
                    .toNanos();
            assertThat(advised).isLessThan(window.toNanos());
            advisedPerTenth[(int) (advised * 10 / window.toNanos())]++;
        }
        assertThat(Arrays.stream(advisedPerTenth).boxed().toList())
                .allSatisfy(n -> assertThat(n).isBetween(90, 110));

        // Each waited as told (plus its own jitter under backoff.initial) after its close before its first attempt,
        // so the attempts are spread as the delays were. (Counted from each client's own close: how long the server
        // takes to close a thousand sessions on a busy machine is not what this test is about.)
        int[] attemptsPerTenth = new int[11];
        int late = 0;
        for (Member member : members) {
            long advised = RestartAdvice.delay(member.code, member.reason)
                    .orElseThrow()
                    .toNanos();
            assertThat(member.waited)
                    .isGreaterThanOrEqualTo(Duration.ofNanos(advised).minusMillis(20));
            if (member.waited.toNanos()
                    > advised + INITIAL.toNanos() + Duration.ofSeconds(1).toNanos()) {
                late++; // a busy machine may run a client's timer late; that is not the client's choice
            }
            attemptsPerTenth[(int) Math.min(10, member.waited.toNanos() * 10 / window.toNanos())]++;
        }
        assertThat(late)
                .as("clients that came back more than 1 s after their moment")
                .isLessThan(CLIENTS / 20);
        assertThat(Arrays.stream(attemptsPerTenth).boxed().toList())
                .as("first attempts per tenth of the window after each client's close")
                .allSatisfy(n -> assertThat(n).isLessThan(CLIENTS / 5));
    }

    @Test
    void withoutAWindowTheyAllComeBackAtOnce() throws Exception {
        List<Member> members = restart(Duration.ZERO);

        long withinASecond = members.stream()
                .filter(m -> m.waited.compareTo(Duration.ofSeconds(1)) < 0)
                .count();
        assertThat(members).allSatisfy(m -> assertThat(m.reason).isEqualTo("Service restart"));
        assertThat(withinASecond)
                .as("clients back within a second of their close")
                .isGreaterThan(CLIENTS * 9L / 10);
    }

    /**
     * Connects the clients, stops the server, starts it again on the same port, and waits until every client is
     * back; returns what each saw.
     */
    private List<Member> restart(Duration window) throws Exception {
        System.setProperty("switchboard.shutdown.reconnect-window", window.toMillis() + "ms");
        MemberEndpoint.OPENED.set(0);
        ClientManager shared = ClientManager.createClient();
        shared.getProperties().put(ClientProperties.SHARED_CONTAINER, true);
        FastServer first = FastServer.start(FastServer.Mode.SWITCHBOARD, MemberEndpoint.class);
        int port = first.base().getPort();
        URI uri = first.base().resolve("rolling/member");
        List<Member> members = new ArrayList<>();
        List<ReconnectingClient> clients = new ArrayList<>();
        FastServer second = null;
        try {
            for (int n = 0; n < CLIENTS; n++) {
                Member member = new Member();
                members.add(member);
                clients.add(ReconnectingClient.builder(ClientOptions.builder("member-" + n, uri)
                                .connectTimeout(Duration.ofSeconds(10))
                                .backoff(INITIAL, Duration.ofSeconds(1), 2)
                                .build())
                        .container(shared)
                        .listener(member)
                        .open());
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> MemberEndpoint.OPENED.get() == CLIENTS);
            first.close();
            second = startAgain(port);
            await().atMost(window.plusSeconds(60)).until(() -> members.stream().allMatch(m -> m.back));
            return members;
        } finally {
            clients.forEach(ReconnectingClient::close);
            if (second != null) {
                second.close();
            }
            shared.shutdown();
        }
    }

    private static FastServer startAgain(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return FastServer.start(FastServer.Mode.SWITCHBOARD, port, MemberEndpoint.class);
            } catch (BindException taken) {
                if (System.nanoTime() > deadline) {
                    throw taken;
                }
                Thread.sleep(100);
            }
        }
    }

    /** One client's view: the close that ended its first connection, when it next tried, whether it is back. */
    private static final class Member implements ClientListener {
        volatile int code;
        volatile String reason;
        volatile long closedAt;
        volatile long firstAttempt;
        volatile Duration waited;
        volatile boolean back;

        @Override
        public void onStateChanged(ClientStateChanged change) {
            long now = System.nanoTime();
            if (change.to() == ClientState.BACKING_OFF && closedAt == 0) {
                code = change.closeCode();
                reason = Optional.ofNullable(change.reason()).orElse("");
                closedAt = now;
            } else if (change.to() == ClientState.CONNECTING && closedAt != 0 && firstAttempt == 0) {
                firstAttempt = now;
                waited = Duration.ofNanos(now - closedAt);
            } else if (change.to() == ClientState.OPEN && closedAt != 0) {
                back = true;
            }
        }
    }
}
