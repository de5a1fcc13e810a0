package io.switchboard.impl.transaction;

import io.switchboard.impl.testing.FastServer;
import io.switchboard.impl.testing.FastServerExtension;
import io.switchboard.tck.transaction.feed.AfterCommitScenarios;
import io.switchboard.tck.transaction.feed.OrderFeedEndpoint;
import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code afterCommit()} on Tyrus with Weld SE, where there is no JTA (nor JNDI): it sends at once. */
class AfterCommitWithoutJtaTest extends AfterCommitScenarios {

    @RegisterExtension
    static FastServerExtension server = new FastServerExtension(FastServer.Mode.SWITCHBOARD, OrderFeedEndpoint.class);

    @Override
    protected URI base() {
        return server.base();
    }
}
