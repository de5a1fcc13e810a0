package io.switchboard.bench.server;

import io.switchboard.Heartbeat;
import io.switchboard.Room;
import jakarta.annotation.security.RolesAllowed;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * {@link CapacitySwitchboardEndpoint} behind a token check at the handshake: {@code @RolesAllowed("bench")}, the
 * bearer token verified by Switchboard against {@code mp.jwt.verify.publickey.location}, which the capacity part gives
 * the server (without it, no handshake gets through).
 */
@ServerEndpoint("/bench/cap/secured/{room}")
@Room("room")
@Heartbeat(interval = "30s")
@RolesAllowed(CapacitySecuredEndpoint.ROLE)
public class CapacitySecuredEndpoint {

    /** The role the tokens' {@code groups} must hold. */
    public static final String ROLE = "bench";

    @OnOpen
    public void open(Session session, @PathParam("room") String room) {
        Subscribers.add(room, session);
    }

    @OnClose
    public void close(Session session, @PathParam("room") String room) {
        Subscribers.remove(room, session);
    }

    @OnMessage
    public void ignore(String text) {
        // idle connections send nothing but pongs
    }
}
