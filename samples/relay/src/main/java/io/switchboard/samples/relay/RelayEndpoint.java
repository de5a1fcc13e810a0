package io.switchboard.samples.relay;

import io.switchboard.Broadcaster;
import io.switchboard.Room;
import jakarta.inject.Inject;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Where watchers listen: {@code ws/relay/SWB} is the room {@code SWB} ({@code @Room}), into which {@link TickRelay}
 * puts every tick of {@code SWB}. A watcher first receives the link's state, then ticks, and a {@link LinkStatus}
 * whenever the link to the ticker changes. Every message goes through the session's bounded send queue (see
 * {@code META-INF/microprofile-config.properties}).
 */
@ServerEndpoint("/ws/relay/{symbol}")
@Room("symbol")
public class RelayEndpoint {

    @Inject
    TickRelay relay;

    @Inject
    Broadcaster broadcaster;

    @OnOpen
    public void onOpen(Session session) {
        broadcaster.toSession(session, relay.status().toJson());
    }
}
