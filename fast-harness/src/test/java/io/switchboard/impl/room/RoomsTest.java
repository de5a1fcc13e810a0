package io.switchboard.impl.room;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.rooms.RoomChatEndpoint;
import io.switchboard.tck.rooms.RoomScenarios;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The room scenarios on Tyrus with Weld SE. */
class RoomsTest extends RoomScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, RoomChatEndpoint.class)
            .withConfig("switchboard.default.heartbeat.interval", "1s")
            .withConfig("switchboard.default.heartbeat.timeout", "1s");

    @Override
    protected URI base() {
        return server.base();
    }
}
