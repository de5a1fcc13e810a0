package io.switchboard.impl.history;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.history.HistoryEndpoint;
import io.switchboard.tck.history.HistoryProbe;
import io.switchboard.tck.history.HistoryScenarios;
import io.switchboard.tck.history.LongHistoryEndpoint;
import io.switchboard.tck.history.NoHistoryEndpoint;
import io.switchboard.tck.history.SmallQueueHistoryEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The history scenarios on Tyrus with Weld SE. */
class HistoryTest extends HistoryScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(
            FastServer.Mode.SWITCHBOARD,
            HistoryEndpoint.class,
            SmallQueueHistoryEndpoint.class,
            LongHistoryEndpoint.class,
            NoHistoryEndpoint.class,
            HistoryProbe.class);

    @Override
    protected URI base() {
        return server.base();
    }
}
