package io.switchboard.samples.chat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chat page as the browser tests use it: a tab per person who types a name and a room and clicks Join, and reads
 * what the page shows (its elements have stable ids; {@code #status} carries the counts the README lists).
 */
final class ChatPage {

    static final Duration WAIT = Duration.ofSeconds(20);

    /** The texts of the {@code said} messages the page shows, top to bottom. */
    private static final String SAID_SHOWN =
            "return [...document.querySelectorAll('#messages li.said .text')]" + ".map(text => text.textContent);";

    /**
     * The names in the member list, read in one script: the page rebuilds the list on every join and leave, so
     * elements found in one call may be gone by the next.
     */
    private static final String MEMBERS =
            "return [...document.querySelectorAll('#members li')].map(li => li.textContent.trim());";

    private ChatPage() {}

    /** Opens a page in a new tab (the first in the browser's own) and returns the tab's handle. */
    static String open(WebDriver driver, URI page) {
        if (!driver.getCurrentUrl().startsWith("http")) {
            driver.get(page.toString());
        } else {
            driver.switchTo().newWindow(WindowType.TAB).get(page.toString());
        }
        return driver.getWindowHandle();
    }

    static void on(WebDriver driver, String tab) {
        driver.switchTo().window(tab);
    }

    static void join(WebDriver driver, String name, String room) {
        fill(driver, name, room);
        await(driver, page -> "connected".equals(state(page)));
        await(driver, page -> messages(page).contains("You are in " + room + "."));
    }

    static void fill(WebDriver driver, String name, String room) {
        type(driver.findElement(By.id("name")), name);
        type(driver.findElement(By.id("room")), room);
        driver.findElement(By.id("join")).click();
    }

    static void say(WebDriver driver, String text) {
        type(driver.findElement(By.id("text")), text);
        driver.findElement(By.id("send")).click();
        await(driver, page -> messages(page).contains(text));
    }

    private static void type(WebElement field, String text) {
        field.clear();
        field.sendKeys(text);
    }

    static String state(WebDriver page) {
        return page.findElement(By.id("status")).getAttribute("data-state");
    }

    static String status(WebDriver page) {
        return page.findElement(By.id("status")).getText();
    }

    /** A count on {@code #status}: {@code connections}, {@code histories}, {@code resumed} or {@code attempt}. */
    static int count(WebDriver page, String name) {
        String value = page.findElement(By.id("status")).getAttribute("data-" + name);
        return value == null ? 0 : Integer.parseInt(value);
    }

    static String messages(WebDriver page) {
        return page.findElement(By.id("messages")).getText();
    }

    @SuppressWarnings("unchecked")
    static List<String> saidShown(WebDriver page) {
        return List.copyOf((List<String>) ((JavascriptExecutor) page).executeScript(SAID_SHOWN));
    }

    @SuppressWarnings("unchecked")
    static List<String> members(WebDriver page) {
        return List.copyOf((List<String>) ((JavascriptExecutor) page).executeScript(MEMBERS));
    }

    static void await(WebDriver driver, Function<WebDriver, Boolean> condition) {
        await(driver, WAIT, condition);
    }

    static void await(WebDriver driver, Duration wait, Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, wait).until(condition::apply);
    }
}
