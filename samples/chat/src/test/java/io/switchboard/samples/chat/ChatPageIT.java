package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.browser.ChromiumExtension;
import io.switchboard.browser.HeadlessChromium;
import io.switchboard.launch.DeployedWar;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page in headless Chromium, used as a person would: each person is a tab of one browser who types a name
 * and a room and clicks Join. A screenshot of every page is kept in {@code target/screenshots/<server>/}.
 */
@ExtendWith(ChromiumExtension.class)
class ChatPageIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
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
        // the demo's clock skew), and the page comes back with a fresh token, the room's history and its presence.
        String alice = open(driver, "?ttl=2");
        join(driver, "alice", room);
        await(driver, page -> messages(page).contains("said before alice came"));
        on(driver, bob);
        say(driver, "said while alice was there");

        on(driver, alice);
        await(driver, page -> connections(page) >= 2);
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

    /** Opens the page in a new tab (the first in the browser's own) and returns the tab's handle. */
    private static String open(WebDriver driver, String query) {
        if (!driver.getCurrentUrl().startsWith("http")) {
            driver.get(war.page() + query);
        } else {
            driver.switchTo().newWindow(WindowType.TAB).get(war.page() + query);
        }
        return driver.getWindowHandle();
    }

    private static void on(WebDriver driver, String tab) {
        driver.switchTo().window(tab);
    }

    private static void join(WebDriver driver, String name, String room) {
        fill(driver, name, room);
        await(driver, page -> "connected".equals(state(page)));
        await(driver, page -> messages(page).contains("You are in " + room + "."));
    }

    private static void fill(WebDriver driver, String name, String room) {
        type(driver.findElement(By.id("name")), name);
        type(driver.findElement(By.id("room")), room);
        driver.findElement(By.id("join")).click();
    }

    private static void say(WebDriver driver, String text) {
        type(driver.findElement(By.id("text")), text);
        driver.findElement(By.id("send")).click();
        await(driver, page -> messages(page).contains(text));
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    private static String state(WebDriver page) {
        return page.findElement(By.id("status")).getAttribute("data-state");
    }

    private static String status(WebDriver page) {
        return page.findElement(By.id("status")).getText();
    }

    private static int connections(WebDriver page) {
        return Integer.parseInt(page.findElement(By.id("status")).getAttribute("data-connections"));
    }

    private static String messages(WebDriver page) {
        return page.findElement(By.id("messages")).getText();
    }

    private static List<String> members(WebDriver page) {
        return page.findElements(By.cssSelector("#members li")).stream()
                .map(WebElement::getText)
                .toList();
    }

    private static void await(WebDriver driver, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, WAIT).until(condition::apply);
    }
}
