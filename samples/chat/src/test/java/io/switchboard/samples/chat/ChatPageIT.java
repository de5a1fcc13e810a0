package io.switchboard.samples.chat;

import static io.switchboard.samples.chat.ChatClient.Route.HEADER;
import static io.switchboard.samples.chat.ChatPage.await;
import static io.switchboard.samples.chat.ChatPage.count;
import static io.switchboard.samples.chat.ChatPage.fill;
import static io.switchboard.samples.chat.ChatPage.join;
import static io.switchboard.samples.chat.ChatPage.members;
import static io.switchboard.samples.chat.ChatPage.messages;
import static io.switchboard.samples.chat.ChatPage.on;
import static io.switchboard.samples.chat.ChatPage.saidShown;
import static io.switchboard.samples.chat.ChatPage.say;
import static io.switchboard.samples.chat.ChatPage.state;
import static io.switchboard.samples.chat.ChatPage.status;
import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.browser.ChromiumExtension;
import io.switchboard.browser.HeadlessChromium;
import io.switchboard.launch.DeployedWar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The chat page in headless Chromium, used as a person would: each person is a tab of one browser who types a name
 * and a room and clicks Join. A screenshot of every page is kept in {@code target/screenshots/<server>/}.
 */
@ExtendWith(ChromiumExtension.class)
class ChatPageIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A PNG of one red pixel. */
    private static final String RED_DOT =
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==";
    /** Drops an image file onto the page, as dragging one from the desktop does. */
    private static final String DROP_IMAGE = """
            const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], 'dot.png', { type: 'image/png' }));
            document.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
            """;
    /** Pastes an image into the message field, as copying one from another program does. */
    private static final String PASTE_IMAGE = """
            const bytes = Uint8Array.from(atob(arguments[0]), c => c.charCodeAt(0));
            const transfer = new DataTransfer();
            transfer.items.add(new File([bytes], 'pasted.png', { type: 'image/png' }));
            document.getElementById('text').dispatchEvent(
                new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
            """;
    /** How many loaded images of one pixel the page shows among its messages. */
    private static final String DOTS_SHOWN = "return [...document.querySelectorAll('#messages img')]"
            + ".filter(i => i.complete && i.naturalWidth === 1).length;";

    private static DeployedWar war;

    @BeforeAll
    static void startServer() throws Exception {
        war = DeployedWar.at("/chat", ""); // in demo mode: samples/chat/pom.xml
    }

    @Test
    void twoPeopleInARoomSeeEachOthersMessagesPresenceAndImagesWhileAThirdElsewhereSeesNone(HeadlessChromium browser) {
        WebDriver driver = browser.driver();
        String room = "room-" + UUID.randomUUID().toString().substring(0, 8);
        String alice = open(driver, "");
        join(driver, "alice", room);
        String bob = open(driver, "");
        join(driver, "bob", room);
        String carol = open(driver, "");
        join(driver, "carol", "elsewhere-" + room);

        on(driver, alice);
        await(driver, page -> members(page).containsAll(List.of("alice", "bob")));
        say(driver, "hello from alice");
        ((JavascriptExecutor) driver).executeScript(DROP_IMAGE, RED_DOT);
        ((JavascriptExecutor) driver).executeScript(PASTE_IMAGE, RED_DOT);
        // Text that would be markup if the page put it into the HTML: it must arrive as text.
        say(driver, "<img src=x onerror=\"window.injected = true\">");

        on(driver, bob);
        await(driver, page -> messages(page).contains("hello from alice"));
        await(driver, page -> members(page).containsAll(List.of("alice", "bob")));
        await(driver, page -> ((Number) ((JavascriptExecutor) page).executeScript(DOTS_SHOWN)).intValue() == 2);
        await(driver, page -> messages(page).contains("<img src=x onerror=\"window.injected = true\">"));
        assertThat(((JavascriptExecutor) driver).executeScript("return window.injected === undefined;"))
                .as("markup from another user ran in the page")
                .isEqualTo(true);
        assertThat(driver.findElements(By.cssSelector("#messages img"))).hasSize(2);
        say(driver, "hello from bob");
        browser.saveScreenshot("chat-bob");

        on(driver, alice);
        await(driver, page -> messages(page).contains("hello from bob"));
        browser.saveScreenshot("chat-alice");

        on(driver, carol);
        assertThat(members(driver)).containsExactly("carol");
        assertThat(messages(driver)).doesNotContain("hello from", "alice", "bob");
        assertThat(driver.findElements(By.cssSelector("#messages img"))).isEmpty();
        browser.saveScreenshot("chat-carol");
    }

    @Test
    void aPageWhoseTokenIsRefusedSaysSo(HeadlessChromium browser) {
        WebDriver driver = browser.driver();
        open(driver, "");
        // A token the server did not sign, in place of the demo endpoint's: the handshake is refused (401).
        ((JavascriptExecutor) driver)
                .executeScript("window.fetch = async () => new Response(JSON.stringify({ token: 'not.a.jwt' }),"
                        + " { status: 200, headers: { 'Content-Type': 'application/json' } });");
        fill(driver, "mallory", "lobby");
        await(driver, page -> "error".equals(state(page)));
        assertThat(status(driver)).contains("Refused", "401/403");
        assertThat(driver.findElement(By.id("join")).isEnabled()).isTrue();
        browser.saveScreenshot("chat-refused");

        // A name the token endpoint does not take: its refusal is shown as it is.
        driver.navigate().refresh();
        fill(driver, "<script>", "lobby");
        await(driver, page -> "error".equals(state(page)));
        assertThat(status(driver)).contains("refused (400)");
    }

    @Test
    void aPageComesBackWithTheRoomsHistoryAfterTheServerClosesItsSession(HeadlessChromium browser) {
        WebDriver driver = browser.driver();
        String room = "room-" + UUID.randomUUID().toString().substring(0, 8);
        String bob = open(driver, "");
        join(driver, "bob", room);
        say(driver, "said before alice came");

        // Tokens that expire after 2 s: the server closes alice's session (1008 "Token expired", 2 s after with
        // the demo's clock skew), and the page comes back with a fresh token where it left off (the server replays
        // what it missed) and asks who is present.
        String alice = open(driver, "?ttl=2");
        join(driver, "alice", room);
        await(driver, page -> messages(page).contains("said before alice came"));
        on(driver, bob);
        say(driver, "said while alice was there");

        on(driver, alice);
        await(driver, page -> count(page, "connections") >= 2);
        await(driver, page -> "connected".equals(state(page)));
        await(
                driver,
                page -> messages(page).contains("said before alice came")
                        && messages(page).contains("said while alice was there"));
        await(driver, page -> members(page).containsAll(List.of("alice", "bob")));
        browser.saveScreenshot("chat-reconnected");

        on(driver, bob);
        await(driver, page -> messages(page).contains("alice left."));
        assertThat(messages(driver)).contains("alice joined.");
    }

    @Test
    void aPageWhoseNetworkDropsForAWhileShowsWhatWasSaidMeanwhileOnceAndInOrderWithoutAHistory(HeadlessChromium browser)
            throws Exception {
        WebDriver driver = browser.driver();
        String room = "room-" + UUID.randomUUID().toString().substring(0, 8);
        try (LoopbackProxy network = LoopbackProxy.to(war.page().getPort())) {
            // Bob's page reaches the server only through the proxy: the page, its tokens and its WebSocket.
            ChatPage.open(driver, network.through(war.page()));
            join(driver, "bob", room);
            ChatClient alice = ChatClient.connect(
                    HTTP, war.webSocket("ws/" + room), ChatClient.token(HTTP, war.page(), "alice"), HEADER);
            try {
                alice.next("history");
                await(driver, page -> members(page).containsAll(List.of("alice", "bob")));
                List<String> before = List.of("before 1", "before 2", "before 3");
                for (String text : before) {
                    says(alice, text);
                }
                await(driver, page -> saidShown(page).equals(before));

                network.cut();
                long cutAt = System.nanoTime();
                // The page notices, tries again and fails at least once (attempt 2 is the second since the drop).
                await(driver, page -> "reconnecting".equals(state(page)) && count(page, "attempt") >= 2);
                List<String> meanwhile = IntStream.rangeClosed(1, 10)
                        .mapToObj(i -> "said while bob was cut off " + i)
                        .toList();
                for (String text : meanwhile) {
                    says(alice, text);
                }
                long cutFor = Duration.ofSeconds(6).toNanos() - (System.nanoTime() - cutAt);
                if (cutFor > 0) {
                    Thread.sleep(cutFor / 1_000_000);
                }
                assertThat(network.refused()).as("attempts refused while cut").isPositive();
                assertThat(saidShown(driver)).isEqualTo(before);
                browser.saveScreenshot("chat-cut-off");
                network.restore();

                // Backoff with full jitter: the next attempt comes within the current step's ceiling (at most 16 s
                // after 6 s of failures).
                await(driver, Duration.ofSeconds(60), page -> saidShown(page).size() >= 13);
                await(driver, page -> "connected".equals(state(page)));
                says(alice, "said after bob came back");
                await(driver, page -> saidShown(page).contains("said after bob came back"));

                List<String> everything = new ArrayList<>(before);
                everything.addAll(meanwhile);
                everything.add("said after bob came back");
                assertThat(saidShown(driver)).isEqualTo(everything);
                // Resumed: the server replayed what bob missed, and sent no second history.
                assertThat(count(driver, "connections")).isEqualTo(2);
                assertThat(count(driver, "histories")).isEqualTo(1);
                assertThat(count(driver, "resumed")).isEqualTo(1);
                assertThat(messages(driver)).contains("Back in " + room + ", nothing missed.");
                await(driver, page -> members(page).containsAll(List.of("alice", "bob")));
                browser.saveScreenshot("chat-resumed");
            } finally {
                alice.abort();
            }
        }
    }

    /** Alice, on the Java client, says a line and waits for the room to have it (her own copy). */
    private static void says(ChatClient alice, String text) throws Exception {
        alice.send(
                Json.createObjectBuilder().add("type", "say").add("text", text).build());
        while (true) {
            JsonObject message = alice.next();
            if (message.getString("type").equals("said")
                    && message.getString("text").equals(text)) {
                return;
            }
        }
    }

    private static String open(WebDriver driver, String query) {
        return ChatPage.open(driver, war.page().resolve(query.isEmpty() ? "" : "./" + query));
    }
}
