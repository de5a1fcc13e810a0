package io.switchboard.tck.security;

import io.switchboard.ConnectionLimits;
import io.switchboard.RateLimit;
import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Authenticated users, each with at most two sessions here and five messages per ten seconds across all of them
 * (beyond that, messages are dropped).
 */
@ServerEndpoint("/secure/per-user")
@RolesAllowed("**")
@ConnectionLimits(perPrincipal = 2)
@RateLimit(messages = 5, per = "10s", scope = RateLimit.Scope.PRINCIPAL, policy = RateLimit.Policy.DROP)
public class PerUserEndpoint {

    @OnMessage
    public String echo(String text) {
        return "user:" + text;
    }
}
