package io.switchboard.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.json.JsonException;

/**
 * Chromium's net log ({@code --log-net-log=<file>}), read for what a page cannot see of its WebSocket handshakes:
 * the status line of a handshake that opened, the browser's reason for failing one (the status it was answered
 * instead, a bad header), or the network error of an attempt that got no answer. A browser hides both
 * from scripts (every failed handshake is a close with 1006), so a test that meets an unexpected 1006 quotes these.
 *
 * <p>Chromium writes a first line of constants, then one event per line, and closes the JSON only when it exits: a
 * log read while the browser runs ends in the middle, so a line that does not parse is skipped.
 */
public final class NetLog {

    private static final Json JSON = new Json();

    private NetLog() {}

    /**
     * One WebSocket handshake the browser attempted.
     *
     * @param url    the URL, with its query
     * @param answer the status line of the server's answer where it opened ({@code HTTP/1.1 101 ...}), why the
     *               browser refused an answer ({@code Error during WebSocket handshake: Unexpected response code:
     *               503}), {@code no answer: <net error>}, or {@code no answer yet}
     */
    public record Handshake(String url, String answer) {
        @Override
        public String toString() {
            return url + " -> " + answer;
        }
    }

    /**
     * The WebSocket handshakes of a net log, in the order the browser started them.
     *
     * @param file the log
     * @return the handshakes; empty for a log that does not exist yet
     */
    public static List<Handshake> webSocketHandshakes(Path file) {
        List<String> lines;
        try {
            if (!Files.exists(file)) {
                return List.of();
            }
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the net log " + file, e);
        }
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, Object> constants =
                map(parse(withoutTrailingComma(lines.get(0)) + "}").get("constants"));
        Map<String, Object> types = map(constants.get("logEventTypes"));
        Map<String, Object> phases = map(constants.get("logEventPhase"));
        Map<Integer, String> errors = new LinkedHashMap<>();
        map(constants.get("netError")).forEach((name, code) -> errors.put(((Number) code).intValue(), name));
        long alive = number(types.get("REQUEST_ALIVE"));
        long headers = number(types.get("HTTP_TRANSACTION_READ_RESPONSE_HEADERS"));
        long refused = number(types.get("WEBSOCKET_UPGRADE_FAILURE"));
        long begin = number(phases.get("PHASE_BEGIN"));
        long end = number(phases.get("PHASE_END"));

        Map<Long, String[]> attempts = new LinkedHashMap<>(); // source id -> {url, answer}
        for (String line : lines.subList(1, lines.size())) {
            if (!line.startsWith("{")) {
                continue;
            }
            Map<String, Object> event;
            try {
                event = parse(withoutTrailingComma(line));
            } catch (JsonException e) {
                continue; // the last line of a log still being written
            }
            long type = number(event.get("type"));
            long phase = number(event.get("phase"));
            long source = number(map(event.get("source")).get("id"));
            Map<String, Object> params = map(event.get("params"));
            if (type == alive
                    && phase == begin
                    && String.valueOf(params.get("url")).startsWith("ws")) {
                attempts.put(source, new String[] {(String) params.get("url"), null});
                continue;
            }
            String[] attempt = attempts.get(source);
            if (attempt == null || attempt[1] != null) {
                continue;
            }
            if (type == headers && params.get("headers") instanceof List<?> statusLines && !statusLines.isEmpty()) {
                attempt[1] = String.valueOf(statusLines.get(0));
            } else if (type == refused && params.get("message") instanceof String message) {
                attempt[1] = message;
            } else if (type == alive && phase == end && params.get("net_error") instanceof Number error) {
                attempt[1] = "no answer: " + errors.getOrDefault(error.intValue(), "net error " + error);
            }
        }
        return attempts.values().stream()
                .map(a -> new Handshake(a[0], a[1] == null ? "no answer yet" : a[1]))
                .toList();
    }

    private static String withoutTrailingComma(String line) {
        String trimmed = line.strip();
        return trimmed.endsWith(",") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    private static Map<String, Object> parse(String json) {
        return JSON.toType(json, Json.MAP_TYPE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : -1;
    }
}
