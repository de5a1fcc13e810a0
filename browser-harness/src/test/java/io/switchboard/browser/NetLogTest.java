package io.switchboard.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;

/**
 * {@link NetLog} reads what a page cannot see of its WebSocket handshakes: first from the log of a real headless
 * Chromium that tries a handshake a server refuses with 503 and one to a port where nothing listens (the page sees
 * 1006 for both); then from a small log of the same form, with the lines a real one holds for a handshake that
 * opened, and a last line cut short as in a log the browser is still writing.
 */
class NetLogTest {

    @TempDir
    Path folder;

    @Test
    void aRunningBrowsersLogGivesTheRefusalsStatusAndTheUnansweredAttemptsError() throws Exception {
        ChromiumInstallation installation = ChromiumInstallation.require();
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> answer(exchange, 200, "<!doctype html><title>net log</title>"));
        server.createContext("/ws", exchange -> answer(exchange, 503, "stopping"));
        server.start();
        Path log = folder.resolve("page.netlog.json");
        HeadlessChromium.Setup setup = new HeadlessChromium.Setup(folder, List.of(), List.of("--log-net-log=" + log));
        String base = "127.0.0.1:" + server.getAddress().getPort();
        String refused = "ws://" + base + "/ws/refused";
        String unanswered = "ws://127.0.0.1:" + closedPort + "/ws/nobody";
        try {
            try (HeadlessChromium browser = HeadlessChromium.start(installation, setup)) {
                browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
                browser.driver().get("http://" + base + "/");
                Object codes = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                                const done = arguments[arguments.length - 1];
                                const codes = [];
                                for (const url of [arguments[0], arguments[1]]) {
                                  new WebSocket(url).onclose = (event) => {
                                    codes.push(event.code);
                                    if (codes.length === 2) done(codes);
                                  };
                                }
                                """, refused, unanswered);
                // What the page sees: the same code for both.
                assertThat(codes).isEqualTo(List.of(1006L, 1006L));
            }

            // Chromium writes its log in batches, and all of it as it exits.
            assertThat(NetLog.webSocketHandshakes(log))
                    .extracting(NetLog.Handshake::toString)
                    .containsExactlyInAnyOrder(
                            refused + " -> Error during WebSocket handshake: Unexpected response code: 503",
                            unanswered + " -> no answer: ERR_CONNECTION_REFUSED");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aHandshakeThatOpenedGivesTheSwitchingStatusLineAndAnUnfinishedOneSaysSo() throws IOException {
        Path log = folder.resolve("small.netlog.json");
        Files.writeString(log, """
                {"constants":{"logEventTypes":{"REQUEST_ALIVE":2,"HTTP_TRANSACTION_READ_RESPONSE_HEADERS":170,\
                "WEBSOCKET_UPGRADE_FAILURE":400},\
                "logEventPhase":{"PHASE_BEGIN":1,"PHASE_END":2,"PHASE_NONE":0},\
                "netError":{"ERR_WS_UPGRADE":-173,"ERR_EMPTY_RESPONSE":-324}},
                "events": [
                {"params":{"url":"http://h/page.html"},"phase":1,"source":{"id":5,"type":1},"time":"1","type":2},
                {"params":{"url":"ws://h/a"},"phase":1,"source":{"id":7,"type":1},"time":"2","type":2},
                {"params":{"headers":["HTTP/1.1 101 Switching Protocols","Upgrade: websocket"]},\
                "phase":0,"source":{"id":7,"type":1},"time":"3","type":170},
                {"params":{"net_error":-173},"phase":2,"source":{"id":7,"type":1},"time":"3","type":2},
                {"params":{"url":"ws://h/b"},"phase":1,"source":{"id":9,"type":1},"time":"4","type":2},
                {"params":{"net_error":-324},"phase":2,"source":{"id":9,"type":1},"time":"5","type":2},
                {"params":{"url":"ws://h/c"},"phase":1,"source":{"id":11,"type":1},"time":"6","type":2},
                {"params":{"headers":["HTTP/1.1 10""", StandardCharsets.UTF_8);

        assertThat(NetLog.webSocketHandshakes(log))
                .containsExactly(
                        new NetLog.Handshake("ws://h/a", "HTTP/1.1 101 Switching Protocols"),
                        new NetLog.Handshake("ws://h/b", "no answer: ERR_EMPTY_RESPONSE"),
                        new NetLog.Handshake("ws://h/c", "no answer yet"));
        assertThat(NetLog.webSocketHandshakes(folder.resolve("absent.json"))).isEmpty();
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
