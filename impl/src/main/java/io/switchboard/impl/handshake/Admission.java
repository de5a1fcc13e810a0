package io.switchboard.impl.handshake;

import io.switchboard.CloseCategory;
import io.switchboard.impl.limit.EndpointLimits;
import io.switchboard.impl.limit.HandshakeGate;
import io.switchboard.impl.limit.Tallies;
import io.switchboard.impl.metrics.Rejection;
import io.switchboard.impl.security.EndpointSecurity;
import io.switchboard.impl.security.HandshakeGuard;
import io.switchboard.impl.security.HandshakeView;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Whether a handshake may open a session of one bridged endpoint. It is asked by that endpoint's configurator,
 * which the container calls for the endpoint it matched the request to, so the decision rests on the container's own
 * reading of the path (percent-encoding, {@code ;} parameters, dot segments, slashes, template precedence), never on
 * a guess of it. In order: while the application stops (503), the endpoint's origins and access rule (403, 401),
 * its connection limits (503, 429).
 */
public final class Admission {

    /** The refusal of every handshake while the application stops; the client is told to come back in 5 s. */
    static final Refusal STOPPING = new Refusal(503, "The application is stopping", Rejection.SHUTDOWN, 5);

    /**
     * A refusal: the HTTP status and phrase to answer with before the upgrade.
     *
     * @param status            the HTTP status
     * @param phrase            the status phrase sent to the client (never a detail of the credentials)
     * @param rejection         the reason, as metrics count it
     * @param retryAfterSeconds the {@code Retry-After} to send, or 0 for none
     */
    public record Refusal(int status, String phrase, Rejection rejection, long retryAfterSeconds) {

        /** The headers of the answer: a 401 asks for a bearer token (RFC 6750), a 429 or 503 says when to retry. */
        public Map<String, List<String>> headers() {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            if (status == 401) {
                headers.put("WWW-Authenticate", List.of("Bearer"));
            }
            if (retryAfterSeconds > 0) {
                headers.put("Retry-After", List.of(String.valueOf(retryAfterSeconds)));
            }
            headers.put("Connection", List.of("close"));
            return headers;
        }

        /**
         * How a session that got past the handshake anyway is closed (a container that cannot refuse during the
         * handshake): by the category of the refusal.
         */
        public CloseCategory closeCategory() {
            return switch (rejection) {
                case LIMITS -> CloseCategory.CONNECTION_LIMIT;
                case SHUTDOWN -> CloseCategory.SHUTDOWN;
                default -> CloseCategory.UNAUTHORIZED;
            };
        }
    }

    /**
     * The outcome: admitted as {@code principal} (possibly {@code null}), or refused.
     *
     * @param principal the principal the session opens as, when admitted
     * @param refusal   the refusal, or {@code null} when admitted
     */
    public record Verdict(Principal principal, Refusal refusal) {

        /** Whether the handshake may proceed. */
        public boolean admitted() {
            return refusal == null;
        }
    }

    private final EndpointSecurity security;
    private final EndpointLimits limits;
    private final HandshakeGuard guard;
    private final Supplier<Tallies> tallies;
    private final BooleanSupplier stopping;

    /**
     * The admission rules of one endpoint.
     *
     * @param security its access rule and origins
     * @param limits   its connection limits
     * @param guard    the deployment's guard
     * @param tallies  the deployment's counts, looked up when first needed
     * @param stopping whether the application is stopping
     */
    public Admission(
            EndpointSecurity security,
            EndpointLimits limits,
            HandshakeGuard guard,
            Supplier<Tallies> tallies,
            BooleanSupplier stopping) {
        this.security = security;
        this.limits = limits;
        this.guard = guard;
        this.tallies = tallies;
        this.stopping = stopping;
    }

    /**
     * Decides on a handshake.
     *
     * @param request the handshake request
     * @param scope   what the handshake filter learnt of it (the peer's identity and address), or {@code null} where
     *                no filter ran: the identity is then established here, and limits by address do not apply
     * @return the verdict
     */
    public Verdict decide(HandshakeView request, HandshakeScope scope) {
        if (stopping.getAsBoolean()) {
            return refused(STOPPING);
        }
        HandshakeGuard.Identity identity = scope != null ? scope.identity() : guard.identify(request);
        HandshakeGuard.Decision decision = guard.check(security, request, identity);
        if (!decision.passes()) {
            return refused(new Refusal(
                    decision.status(), decision.unauthorized() ? "Unauthorized" : "Forbidden", rejection(decision), 0));
        }
        Principal principal = decision.principal();
        if (limits.connections().any()) {
            HandshakeGate.Verdict gate = HandshakeGate.check(
                    limits,
                    tallies.get(),
                    principal == null ? null : principal.getName(),
                    scope == null ? null : scope.host());
            if (!gate.passes()) {
                return refused(new Refusal(gate.status(), gate.reason(), Rejection.LIMITS, gate.retryAfterSeconds()));
            }
        }
        return new Verdict(principal, null);
    }

    /**
     * Checks a request's {@code Origin} alone: containers ask for it before anything else of the handshake.
     *
     * @param origin the {@code Origin} header's value, or {@code null}
     * @return the refusal, or {@code null} when the origin is allowed
     */
    public Refusal origin(String origin) {
        if (origin == null || security.originAllowed(List.of(origin))) {
            return null;
        }
        return new Refusal(403, "Forbidden", Rejection.ORIGIN, 0);
    }

    private static Verdict refused(Refusal refusal) {
        return new Verdict(null, refusal);
    }

    /** The metrics' reason for a refusal of the guard: the one place that knows both the guard and the tags. */
    private static Rejection rejection(HandshakeGuard.Decision decision) {
        return decision.unauthorized()
                ? Rejection.UNAUTHORIZED
                : decision.origin() ? Rejection.ORIGIN : Rejection.FORBIDDEN;
    }
}
