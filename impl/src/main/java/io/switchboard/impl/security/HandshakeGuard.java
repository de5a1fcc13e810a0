package io.switchboard.impl.security;

import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Decides whether a handshake may proceed, and as whom: origin, then identity (the container's own principal
 * where it authenticated the request, for example with its MP-JWT, whose token is not verified twice but whose
 * time window is checked again; else a bearer token verified here), then the
 * endpoint's rule. A request with a token that does not verify is refused even on an open endpoint, as MP-JWT
 * refuses it: a client that sends credentials means them. Refusals are logged at FINE with their reason, never
 * with the token.
 */
public final class HandshakeGuard {

    private static final Logger LOG = Logger.getLogger(HandshakeGuard.class.getName());

    /**
     * The outcome: {@code status} 0 lets the handshake through as {@code principal} (possibly {@code null}), else
     * the HTTP status to refuse it with; {@code origin} says a refusal is for the request's origin.
     */
    public record Decision(int status, String reason, Principal principal, boolean origin) {

        /** Whether the handshake may proceed. */
        public boolean passes() {
            return status == 0;
        }

        /** Whether the refusal is for missing or bad credentials (401), which asks for a bearer token. */
        public boolean unauthorized() {
            return status == 401;
        }
    }

    /**
     * Who a handshake's peer is.
     *
     * @param principal the principal, or {@code null} for an anonymous peer (or one refused)
     * @param refusal   why its credentials do not count (safe to log: never the token), or {@code null}
     */
    public record Identity(Principal principal, String refusal) {

        /** An anonymous peer. */
        public static final Identity ANONYMOUS = new Identity(null, null);

        /** Whether the peer sent credentials that do not verify: every endpoint refuses it with 401. */
        public boolean refused() {
            return refusal != null;
        }
    }

    private final JwtSettings settings;
    private final JwtVerifier verifier;

    /**
     * A guard for one deployment.
     *
     * @param settings the deployment's token settings
     * @param verifier the token verifier, or {@code null} where no key is configured: then only principals the
     *                 container authenticated count, and tokens are not looked at
     */
    public HandshakeGuard(JwtSettings settings, JwtVerifier verifier) {
        this.settings = settings;
        this.verifier = verifier;
    }

    /**
     * The guard the deployment's configuration asks for.
     *
     * @param loader the application's class loader
     * @return the guard
     * @throws IllegalArgumentException if a setting or the key is bad
     */
    public static HandshakeGuard configured(ClassLoader loader) {
        JwtSettings settings = JwtSettings.read(io.switchboard.impl.config.Settings.global());
        return new HandshakeGuard(settings, settings.verifiable() ? new JwtVerifier(settings, loader) : null);
    }

    /** The subprotocol marker of the token route. */
    public String subprotocolMarker() {
        return settings.subprotocol();
    }

    /**
     * When a session admitted as this principal must end: its token's {@code exp} plus the clock skew.
     *
     * @param principal the principal, or {@code null}
     * @return epoch milliseconds, or 0 for never (no token, or a token without {@code exp})
     */
    public long expiryOf(Principal principal) {
        if (principal instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return (token.getExpirationTime() + settings.clockSkewSeconds()) * 1000;
        }
        return 0;
    }

    /** Whether tokens are verified at all. */
    public boolean verifies() {
        return verifier != null;
    }

    /**
     * Who a handshake's peer is: the container's principal where the container authenticated the request, else the
     * bearer token the request carries, verified here. It does not depend on the endpoint, so the handshake filter
     * establishes it once, before the container reads the request's principal.
     *
     * @param request the handshake request
     * @return the identity: a principal, none, or a refusal for credentials that do not verify
     */
    public Identity identify(HandshakeView request) {
        Principal principal = request.containerPrincipal();
        if (principal instanceof JsonWebToken token) {
            String stale = outsideValidity(token, System.currentTimeMillis() / 1000);
            return stale == null ? new Identity(token, null) : new Identity(null, "the container's token: " + stale);
        }
        if (verifier == null) {
            return new Identity(principal, null);
        }
        TokenFinder.Found found = TokenFinder.find(request, verifier.settings());
        if (found instanceof TokenFinder.Malformed malformed) {
            return new Identity(null, malformed.reason());
        }
        if (found instanceof TokenFinder.Token token) {
            try {
                return new Identity(verifier.verify(token.value()), null);
            } catch (TokenRejected e) {
                return new Identity(
                        null,
                        "token from the " + token.source().name().toLowerCase(java.util.Locale.ROOT) + ": "
                                + e.getMessage());
            }
        }
        return new Identity(principal, null);
    }

    /**
     * Decides on one handshake whose peer's identity is known: origin, then identity, then the endpoint's rule.
     * Credentials that did not verify refuse even an open endpoint.
     *
     * @param security the endpoint's rule
     * @param request  the handshake request
     * @param identity the peer's identity, from {@link #identify}
     * @return the decision
     */
    public Decision check(EndpointSecurity security, HandshakeView request, Identity identity) {
        if (!security.originAllowed(request.headers("Origin"))) {
            return refuse(security, 403, "origin not allowed", true);
        }
        if (identity.refused()) {
            return refuse(security, 401, identity.refusal());
        }
        Principal principal = identity.principal();
        return switch (security.access()) {
            case OPEN, PERMIT_ALL -> new Decision(0, null, principal, false);
            case DENY_ALL -> refuse(security, 403, "the endpoint denies everyone");
            case AUTHENTICATED ->
                principal == null ? refuse(security, 401, "no credentials") : new Decision(0, null, principal, false);
            case ROLES ->
                principal == null
                        ? refuse(security, 401, "no credentials")
                        : inRole(principal, security, request)
                                ? new Decision(0, null, principal, false)
                                : refuse(security, 403, "not in a role the endpoint allows");
        };
    }

    /**
     * The container verified this token's signature; its time window is checked again, cheaply, because not
     * every container checks all of it (Payara Micro 6.2025 accepts a token whose {@code nbf} is in the future).
     *
     * @param now epoch seconds (a parameter so tests can fix the clock)
     * @return what is wrong, or {@code null}
     */
    String outsideValidity(JsonWebToken token, long now) {
        long clockSkewSeconds = settings.clockSkewSeconds();
        long expires = seconds(token.getClaim("exp"));
        if (expires > 0 && now >= expires + clockSkewSeconds) {
            return "expired";
        }
        long notBefore = seconds(token.getClaim("nbf"));
        if (notBefore > 0 && now < notBefore - clockSkewSeconds) {
            return "not valid yet (nbf)";
        }
        return null;
    }

    private static long seconds(Object claim) {
        if (claim instanceof Number number) {
            return number.longValue();
        }
        if (claim instanceof jakarta.json.JsonNumber number) {
            return number.longValue();
        }
        return 0;
    }

    private static boolean inRole(Principal principal, EndpointSecurity security, HandshakeView request) {
        if (principal instanceof JsonWebToken token) {
            return token.getGroups() != null && token.getGroups().stream().anyMatch(security.roles()::contains);
        }
        return security.roles().stream().anyMatch(request::containerRole);
    }

    private static Decision refuse(EndpointSecurity security, int status, String reason) {
        return refuse(security, status, reason, false);
    }

    private static Decision refuse(EndpointSecurity security, int status, String reason, boolean origin) {
        LOG.log(
                Level.FINE,
                () -> "Switchboard: handshake to endpoint " + security.endpointId() + " refused with " + status + ": "
                        + reason);
        return new Decision(status, reason, null, origin);
    }
}
