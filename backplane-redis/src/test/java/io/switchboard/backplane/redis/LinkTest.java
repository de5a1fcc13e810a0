package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinkTest {

    private final List<Boolean> reported = new ArrayList<>();
    private final Link link = new Link(reported::add);

    @Test
    void upOnlyWithBothConnectionsAndAnsweredHeartbeats() {
        link.connectionActivated();
        assertThat(link.up()).isFalse();
        link.connectionActivated();
        assertThat(link.up()).isTrue();

        link.heartbeat(false);
        assertThat(link.up()).as("a frozen Redis keeps its sockets").isFalse();
        link.heartbeat(true);
        link.connectionDeactivated();
        link.connectionDeactivated();
        link.connectionActivated();
        link.connectionActivated();

        assertThat(reported).containsExactly(true, false, true, false, true);
    }

    @Test
    void eachChangeIsReportedOnce() {
        link.connectionActivated();
        link.connectionActivated();
        link.heartbeat(true);
        link.heartbeat(true);
        link.connectionDeactivated();
        link.heartbeat(false);
        link.connectionDeactivated();
        link.connectionDeactivated();

        assertThat(reported).containsExactly(true, false);
    }
}
