package io.switchboard.impl.security;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads parameters from a raw query string. */
final class QueryStrings {

    private QueryStrings() {}

    /**
     * Every value of one parameter, URL-decoded.
     *
     * @param query the raw query string, or {@code null}
     * @param name  the parameter name
     * @return the values in order; a value that does not decode is returned as it is
     */
    static List<String> values(String query, String name) {
        List<String> values = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return values;
        }
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            String key = decode(equals < 0 ? pair : pair.substring(0, equals));
            if (key.equals(name)) {
                values.add(equals < 0 ? "" : decode(pair.substring(equals + 1)));
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }
}
