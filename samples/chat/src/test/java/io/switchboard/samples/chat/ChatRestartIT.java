package io.switchboard.samples.chat;

import static io.switchboard.samples.chat.ChatClient.Route.HEADER;
import static io.switchboard.samples.chat.ChatPage.await;
import static io.switchboard.samples.chat.ChatPage.count;
import static io.switchboard.samples.chat.ChatPage.join;
import static io.switchboard.samples.chat.ChatPage.saidShown;
import static io.switchboard.samples.chat.ChatPage.state;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.browser.ChromiumExtension;
import io.switchboard.browser.HeadlessChromium;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The chat page across a restart of its server, on a server of the test's own ({@link RestartableWar}) on the run's
 * kind: stopped and started again on the same port while a Java client streams messages into the room. History is in
 * the server's memory, so the restarted server's rooms have a new epoch: the page cannot resume, gets a fresh history
 * and merges it with what it shows.
 */
@ExtendWith(ChromiumExtension.class)
class ChatRestartIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Long enough for a server to start and for the page's backoff (30 s at most) to try again. */
    private static final Duration COMEBACK = Duration.ofSeconds(120);

    @Test
    void aPageComesBackByItselfAfterItsServerRestartsInTheMiddleOfAStream(HeadlessChromium browser) throws Exception {
        WebDriver driver = browser.driver();
        String room = "stream";
        try (RestartableWar server = RestartableWar.start("restart");
                Streamer alice = new Streamer(server, room)) {
            ChatPage.open(driver, server.page());
            join(driver, "bob", room);
            alice.start();
            await(driver, page -> saidShown(page).size() >= 10);
            List<String> shownBefore = saidShown(driver);

            server.stop();
            await(driver, page -> "reconnecting".equals(state(page)));
            browser.saveScreenshot("chat-server-down");
            server.start();
            // The stream goes on into the restarted server; the page comes back by itself.
            alice.awaitSaidSinceRestart(20, COMEBACK);
            await(driver, COMEBACK, page -> "connected".equals(state(page)) && count(page, "histories") == 2);
            alice.awaitSaidSinceRestart(alice.saidSinceRestart().size() + 10, COMEBACK);
            alice.stop();
            List<String> since = alice.saidSinceRestart();
            await(driver, page -> saidShown(page).contains(since.get(since.size() - 1)));
            browser.saveScreenshot("chat-server-restarted");

            List<String> shown = saidShown(driver);
            assertThat(shown).as("nothing shown twice").doesNotHaveDuplicates();
            assertThat(shown).as("what the page showed before the restart").containsAll(shownBefore);
            assertThat(shown)
                    .as("in the order said")
                    .extracting(text -> Integer.parseInt(text.substring(1)))
                    .isSorted();
            // Since the restart: every message from the oldest the page's fresh history held on, once, in order,
            // after everything from before. The history holds the last 50: what was said before those while the
            // page was away (its backoff waits up to 30 s) is not shown, and nothing else is missing.
            List<String> shownSince = shown.stream().filter(since::contains).toList();
            assertThat(shownSince).isNotEmpty();
            int first = since.indexOf(shownSince.get(0));
            assertThat(shownSince).isEqualTo(since.subList(first, since.size()));
            assertThat(shown.subList(shown.size() - shownSince.size(), shown.size()))
                    .isEqualTo(shownSince);
            if (first > 0) {
                // Something was left out: then the history was full (it, and perhaps a message that overtook it,
                // is what the page shows above its notice "You are in stream.").
                assertThat(shownSince.stream().filter(saidAboveLastNotice(driver)::contains))
                        .hasSizeGreaterThanOrEqualTo(ChatHistory.CAPACITY);
            }
            // A new epoch: the page could not resume, and got the restarted server's history.
            assertThat(count(driver, "resumed")).isZero();
            assertThat(count(driver, "histories")).isEqualTo(2);
        }
    }

    /** The texts of the said messages above the page's last notice "You are in <room>.", top to bottom. */
    @SuppressWarnings("unchecked")
    private static List<String> saidAboveLastNotice(WebDriver driver) {
        return List.copyOf((List<String>) ((JavascriptExecutor) driver).executeScript("""
                const items = [...document.querySelectorAll('#messages li')];
                const notice = items.filter(li => li.className === 'notice' && li.textContent.startsWith('You are in'))
                        .pop();
                return items.slice(0, items.indexOf(notice))
                        .filter(li => li.className === 'said')
                        .map(li => li.querySelector('.text').textContent);
                """));
    }

    /**
     * Alice on the Java client: says {@code s0}, {@code s1}, ... one every 100 ms (the endpoint takes 10 a second),
     * reconnecting with a fresh token whenever her connection ends, and keeps every {@code said} the room sends back,
     * by id.
     */
    private static final class Streamer implements AutoCloseable {

        private final RestartableWar server;
        private final String room;
        private final Map<String, String> said = new LinkedHashMap<>(); // id -> text, guarded by itself
        private final Thread thread;
        private volatile boolean stopping;
        private volatile ChatClient client;
        private String firstEpoch;

        Streamer(RestartableWar server, String room) {
            this.server = server;
            this.room = room;
            this.thread = new Thread(this::stream, "alice-streams");
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void stream() {
            int next = 0;
            while (!stopping) {
                ChatClient connected;
                try {
                    connected = ChatClient.connect(
                            HTTP,
                            server.webSocket("ws/" + room),
                            ChatClient.token(HTTP, server.page(), "alice"),
                            HEADER);
                } catch (Exception down) {
                    pause(250);
                    continue;
                }
                client = connected;
                try {
                    while (!stopping && !connected.closeCode.isDone()) {
                        connected.send(Json.createObjectBuilder()
                                .add("type", "say")
                                .add("text", "s" + next++)
                                .build());
                        keep(connected, 0);
                        pause(100);
                    }
                } catch (Exception ended) {
                    // the server went away: connect again
                }
                keep(connected, stopping ? 2_000 : 0);
                connected.abort();
            }
        }

        /** Keeps the {@code said} messages received, waiting up to {@code quietMillis} for each further one. */
        private void keep(ChatClient from, long quietMillis) {
            try {
                JsonObject message;
                while ((message = from.texts.poll(quietMillis, TimeUnit.MILLISECONDS)) != null) {
                    if (message.getString("type").equals("said")) {
                        synchronized (said) {
                            String id = message.getString("id");
                            if (firstEpoch == null) {
                                firstEpoch = epoch(id);
                            }
                            said.put(id, message.getString("text"));
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The texts said into the restarted server (its ids have another epoch), in order. */
        List<String> saidSinceRestart() {
            synchronized (said) {
                List<String> texts = new ArrayList<>();
                said.forEach((id, text) -> {
                    if (!epoch(id).equals(firstEpoch)) {
                        texts.add(text);
                    }
                });
                return texts;
            }
        }

        void awaitSaidSinceRestart(int count, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (saidSinceRestart().size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Alice's stream did not reach " + count + " messages since the restart"
                            + " within " + wait + ": " + saidSinceRestart().size());
                }
                Thread.sleep(100);
            }
        }

        /** Stops saying, keeps what the room still sends back, and disconnects. */
        void stop() throws InterruptedException {
            stopping = true;
            thread.join(10_000);
        }

        @Override
        public void close() throws InterruptedException {
            stop();
            ChatClient last = client;
            if (last != null) {
                last.abort();
            }
        }

        private static String epoch(String id) {
            return id.substring(0, id.indexOf(':'));
        }

        private static void pause(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
