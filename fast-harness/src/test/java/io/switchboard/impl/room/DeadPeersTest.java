package io.switchboard.impl.room;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.rooms.DeadPeerScenarios;
import io.switchboard.tck.rooms.RoomChatEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The dead-peer scenarios on Tyrus with Weld SE. */
class DeadPeersTest extends DeadPeerScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, RoomChatEndpoint.class)
            .withConfig("switchboard.default.heartbeat.interval", "1s")
            .withConfig("switchboard.default.heartbeat.timeout", "1s");

    @Override
    protected URI base() {
        return server.base();
    }
}
