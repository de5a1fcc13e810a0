package io.switchboard.tck.security;

import io.switchboard.tck.security.tokens.TestTokens;
import java.util.LinkedHashMap;
import java.util.Map;

/** The configuration every security deployment runs with: the test keys, a short clock skew, allowed origins. */
public final class SecurityConfig {

    /** The clock skew, short so that a token's expiry ends its session soon after. */
    public static final long CLOCK_SKEW_SECONDS = 1;

    public static final String ALLOWED_ORIGIN = "https://app.example.com";

    private SecurityConfig() {}

    /**
     * The properties.
     *
     * @param extra more properties, such as the token sources
     * @return the properties
     */
    public static Map<String, String> properties(Map<String, String> extra) {
        Map<String, String> config = new LinkedHashMap<>(TestTokens.config(CLOCK_SKEW_SECONDS, "RS256"));
        config.put("switchboard.OriginCheckedEndpoint.allowed-origins", ALLOWED_ORIGIN + ", http://localhost:9");
        // Sessions a test leaves behind are found out quickly.
        config.put("switchboard.default.heartbeat.interval", "1s");
        config.put("switchboard.default.heartbeat.timeout", "2s");
        config.putAll(extra);
        return config;
    }

    /**
     * The same as a {@code microprofile-config.properties} text.
     *
     * @param extra more properties
     * @return the text
     */
    public static String text(Map<String, String> extra) {
        StringBuilder text = new StringBuilder();
        properties(extra).forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return text.toString();
    }
}
