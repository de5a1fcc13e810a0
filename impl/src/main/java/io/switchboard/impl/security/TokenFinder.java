package io.switchboard.impl.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Finds the bearer token of a handshake in the sources the settings enable. Ambiguity is an error, never a
 * choice: two {@code Authorization} headers, an empty credential, or two sources holding different tokens all
 * refuse the handshake, so no proxy or client can slip a second identity past the first.
 */
final class TokenFinder {

    /** What the request carries. */
    sealed interface Found {}

    /** No token anywhere the settings look. */
    record None() implements Found {}

    /** One token (possibly in several sources, always the same). */
    record Token(String value, TokenSource source) implements Found {}

    /** Something token-like that cannot be used; the reason is safe to log (it never quotes the request). */
    record Malformed(String reason) implements Found {}

    private static final String BEARER = "bearer ";

    private TokenFinder() {}

    static Found find(HandshakeView request, JwtSettings settings) {
        List<Token> tokens = new ArrayList<>();
        for (TokenSource source : settings.sources()) {
            Found found = switch (source) {
                case HEADER -> fromHeader(request, settings.header());
                case SUBPROTOCOL -> fromSubprotocol(request, settings.subprotocol());
                case QUERY ->
                    single(request.queryParameters(settings.queryParameter()), TokenSource.QUERY, "query parameter");
                case COOKIE -> fromCookie(request, settings.cookie());
            };
            if (found instanceof Malformed) {
                return found;
            }
            if (found instanceof Token token) {
                tokens.add(token);
            }
        }
        if (tokens.isEmpty()) {
            return new None();
        }
        Token first = tokens.get(0);
        for (Token other : tokens) {
            if (!other.value().equals(first.value())) {
                return new Malformed(
                        "different tokens in the " + name(first.source()) + " and the " + name(other.source()));
            }
        }
        return first;
    }

    private static Found fromHeader(HandshakeView request, String header) {
        List<String> values = request.headers(header);
        if (values.isEmpty()) {
            return new None();
        }
        if (values.size() > 1) {
            return new Malformed("more than one " + header + " header");
        }
        String value = values.get(0).trim();
        boolean authorization = header.equalsIgnoreCase("Authorization");
        if (value.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            value = value.substring(BEARER.length()).trim();
        } else if (authorization) {
            // Another scheme (Basic, Negotiate) is the container's business, not a token of ours.
            return value.toLowerCase(Locale.ROOT).equals("bearer")
                    ? new Malformed("an empty bearer token")
                    : new None();
        }
        return value.isEmpty() ? new Malformed("an empty bearer token") : new Token(value, TokenSource.HEADER);
    }

    private static Found fromSubprotocol(HandshakeView request, String marker) {
        List<String> offered = Subprotocols.offered(request.headers("Sec-WebSocket-Protocol"));
        int at = offered.indexOf(marker);
        if (at < 0) {
            return new None();
        }
        if (offered.lastIndexOf(marker) != at) {
            return new Malformed("the token marker offered twice");
        }
        if (at + 1 >= offered.size() || offered.get(at + 1).isEmpty()) {
            return new Malformed("the token marker without a token after it");
        }
        return new Token(offered.get(at + 1), TokenSource.SUBPROTOCOL);
    }

    private static Found fromCookie(HandshakeView request, String cookie) {
        List<String> values = new ArrayList<>();
        for (String header : request.headers("Cookie")) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(cookie)) {
                    String value = pair.substring(equals + 1).trim();
                    values.add(
                            value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                                    ? value.substring(1, value.length() - 1)
                                    : value);
                }
            }
        }
        return single(values, TokenSource.COOKIE, "cookie");
    }

    private static Found single(List<String> values, TokenSource source, String what) {
        if (values.isEmpty()) {
            return new None();
        }
        if (values.size() > 1) {
            return new Malformed("more than one token " + what);
        }
        String value = values.get(0).trim();
        return value.isEmpty() ? new Malformed("an empty token " + what) : new Token(value, source);
    }

    private static String name(TokenSource source) {
        return source.name().toLowerCase(Locale.ROOT);
    }
}
