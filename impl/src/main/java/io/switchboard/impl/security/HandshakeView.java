package io.switchboard.impl.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.websocket.server.HandshakeRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What the guard reads of a handshake request, from the servlet request (in the handshake filter, before the
 * upgrade) or from the container's {@link HandshakeRequest} (in the configurator, where no filter runs).
 */
public interface HandshakeView {

    /**
     * Every value of a header, as sent (one entry per header line).
     *
     * @param name the header name, in any case
     * @return the values, empty if none
     */
    List<String> headers(String name);

    /**
     * Every value of a query parameter.
     *
     * @param name the parameter name
     * @return the values, empty if none
     */
    List<String> queryParameters(String name);

    /** The principal the container authenticated the request as, or {@code null}. */
    Principal containerPrincipal();

    /**
     * Whether the container's principal has a role, as the container knows it.
     *
     * @param role the role
     * @return whether it does
     */
    boolean containerRole(String role);

    /**
     * A view of a servlet request.
     *
     * @param request the request
     * @return the view
     */
    static HandshakeView of(HttpServletRequest request) {
        return new HandshakeView() {
            @Override
            public List<String> headers(String name) {
                return Collections.list(request.getHeaders(name));
            }

            @Override
            public List<String> queryParameters(String name) {
                // Read from the query string only: an upgrade is a GET, and a form body must never be consumed here.
                return QueryStrings.values(request.getQueryString(), name);
            }

            @Override
            public Principal containerPrincipal() {
                return request.getUserPrincipal();
            }

            @Override
            public boolean containerRole(String role) {
                return request.isUserInRole(role);
            }
        };
    }

    /**
     * A view of a WebSocket handshake request.
     *
     * @param request the request
     * @return the view
     */
    static HandshakeView of(HandshakeRequest request) {
        return new HandshakeView() {
            @Override
            public List<String> headers(String name) {
                // Header names are case-insensitive; not every container's map is.
                List<String> values = new ArrayList<>();
                for (Map.Entry<String, List<String>> header :
                        request.getHeaders().entrySet()) {
                    if (header.getKey().equalsIgnoreCase(name)) {
                        values.addAll(header.getValue());
                    }
                }
                return values;
            }

            @Override
            public List<String> queryParameters(String name) {
                return QueryStrings.values(request.getQueryString(), name);
            }

            @Override
            public Principal containerPrincipal() {
                return request.getUserPrincipal();
            }

            @Override
            public boolean containerRole(String role) {
                return request.isUserInRole(role);
            }
        };
    }
}
