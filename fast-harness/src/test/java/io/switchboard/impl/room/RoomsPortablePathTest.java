package io.switchboard.impl.room;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.rooms.RoomChatEndpoint;
import io.switchboard.tck.rooms.RoomScenarios;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The room scenarios on Tyrus with the fast path off: every session on the portable async sends. ({@link RoomsTest}
 * runs them with the default, the Tyrus fast path.) Extends the scenarios rather than {@code RoomsTest} so that only
 * this class's server is registered.
 */
class RoomsPortablePathTest extends RoomScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, RoomChatEndpoint.class)
            .withConfig("switchboard.default.heartbeat.interval", "1s")
            .withConfig("switchboard.default.heartbeat.timeout", "1s")
            .withConfig("switchboard.fast-path", "false");

    @Override
    protected URI base() {
        return server.base();
    }
}
