package io.switchboard.tck.health;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One answer of a MicroProfile Health endpoint ({@code /health/ready}, {@code /health/live}): the HTTP status, the
 * overall status and each check. Parsed from the JSON a server answers, or built from the checks called through CDI.
 *
 * @param httpStatus 200 when up, 503 when down (as the servers answer)
 * @param status     {@code UP} or {@code DOWN}
 * @param checks     the checks, in the order given
 */
public record HealthReport(int httpStatus, String status, List<Check> checks) {

    /**
     * One check.
     *
     * @param name   its name
     * @param status {@code UP} or {@code DOWN}
     * @param data   its data: {@code String}, {@code Long} and {@code Boolean} values
     */
    public record Check(String name, String status, Map<String, Object> data) {

        /** Whether it is up. */
        public boolean up() {
            return "UP".equals(status);
        }

        /**
         * A number in its data; fails if the key is missing or not a number. Payara Micro writes every data value as
         * a JSON string: a string of digits counts.
         */
        public long number(String key) {
            Object value = data.get(key);
            if (value instanceof Number number) {
                return number.longValue();
            }
            if (value instanceof String text && text.matches("-?[0-9]+")) {
                return Long.parseLong(text);
            }
            throw new AssertionError("check " + name + " has no number " + key + ": " + data);
        }

        /** A text in its data, or {@code null}. */
        public String text(String key) {
            Object value = data.get(key);
            return value == null ? null : value.toString();
        }

        /**
         * A boolean in its data; fails if the key is missing or not a boolean ({@code "true"} and {@code "false"}
         * count, as for {@link #number}).
         */
        public boolean flag(String key) {
            Object value = data.get(key);
            if (value instanceof Boolean flag) {
                return flag;
            }
            if ("true".equals(value) || "false".equals(value)) {
                return Boolean.parseBoolean((String) value);
            }
            throw new AssertionError("check " + name + " has no boolean " + key + ": " + data);
        }
    }

    /**
     * The first check of a name.
     *
     * @param name its name
     * @return it, if the report has it
     */
    public Optional<Check> check(String name) {
        return checks.stream().filter(check -> check.name().equals(name)).findFirst();
    }

    /**
     * The check of a name; fails if there is none.
     *
     * @param name its name
     * @return it
     */
    public Check required(String name) {
        return check(name).orElseThrow(() -> new AssertionError("no check " + name + " in " + this));
    }

    /**
     * Parses a health endpoint's JSON (MicroProfile Health's format: {@code status}, {@code checks} of {@code name},
     * {@code status}, {@code data}).
     *
     * @param httpStatus the HTTP status it came with
     * @param json       the body
     * @return the report
     * @throws IllegalArgumentException if the body is not such JSON
     */
    public static HealthReport parse(int httpStatus, String json) {
        Object root = new Json(json).document();
        if (!(root instanceof Map<?, ?> body) || !(body.get("status") instanceof String status)) {
            throw new IllegalArgumentException("not a health report: " + json);
        }
        List<Check> checks = new ArrayList<>();
        if (body.get("checks") instanceof List<?> list) {
            for (Object item : list) {
                Map<?, ?> check = (Map<?, ?>) item;
                Map<String, Object> data = new LinkedHashMap<>();
                if (check.get("data") instanceof Map<?, ?> values) {
                    values.forEach((key, value) -> data.put((String) key, value));
                }
                checks.add(new Check((String) check.get("name"), (String) check.get("status"), data));
            }
        }
        return new HealthReport(httpStatus, status, checks);
    }

    /** A small JSON reader: objects, arrays, strings, numbers (as {@code Long} or {@code Double}), booleans, null. */
    private static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw error("text after the document");
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("end of text");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> object = new LinkedHashMap<>();
            at++;
            space();
            if (peek('}')) {
                at++;
                return object;
            }
            while (true) {
                space();
                String key = string();
                space();
                expect(':');
                object.put(key, value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return object;
                }
            }
        }

        private List<Object> array() {
            List<Object> array = new ArrayList<>();
            at++;
            space();
            if (peek(']')) {
                at++;
                return array;
            }
            while (true) {
                array.add(value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return array;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("an unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = text.charAt(at++);
                switch (escaped) {
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private Object number() {
            int start = at;
            while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            if (number.isEmpty()) {
                throw error("a value");
            }
            try {
                return number.contains(".") || number.contains("e") || number.contains("E")
                        ? (Object) Double.valueOf(number)
                        : (Object) Long.valueOf(number);
            } catch (NumberFormatException e) {
                throw error("a number, not " + number);
            }
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error(word);
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("'" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("bad JSON at " + at + ", expected " + expected + ": " + text);
        }
    }
}
