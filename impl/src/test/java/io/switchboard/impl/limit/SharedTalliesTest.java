package io.switchboard.impl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Principals' counts over a cluster: the cluster's answer where it gives one (never below this node's own), this
 * node's alone where it cannot answer, and every change told to it after this node counted it.
 */
class SharedTalliesTest {

    private static final String ALICE = "sessions|Chat|principal|alice";

    /** A cluster whose other nodes hold {@code elsewhere} sessions, or that cannot answer ({@code -1}). */
    private static final class FakeCluster implements SharedCounts {
        final List<String> told = new ArrayList<>();
        final Tallies here;
        int elsewhere;

        FakeCluster(Tallies here, int elsewhere) {
            this.here = here;
            this.elsewhere = elsewhere;
        }

        @Override
        public int acquire(String key) {
            told.add("acquire " + here.count(key));
            return elsewhere < 0 ? -1 : elsewhere + here.count(key);
        }

        @Override
        public void release(String key) {
            told.add("release " + here.count(key));
        }

        @Override
        public int count(String key) {
            return elsewhere < 0 ? -1 : elsewhere + here.count(key);
        }
    }

    @Test
    void aNodeAloneCountsItsOwn() {
        Tallies tallies = new Tallies();

        assertThat(tallies.acquireShared(ALICE)).isEqualTo(1);
        assertThat(tallies.countShared(ALICE)).isEqualTo(1);
    }

    @Test
    void theClusterCountsEveryNodesAndIsToldAfterThisNodeCounted() {
        Tallies tallies = new Tallies();
        FakeCluster cluster = new FakeCluster(tallies, 2);
        tallies.shareAcrossNodes(cluster);

        assertThat(tallies.acquireShared(ALICE)).isEqualTo(3);
        assertThat(tallies.countShared(ALICE)).isEqualTo(3);
        tallies.releaseShared(ALICE);

        assertThat(cluster.told).containsExactly("acquire 1", "release 0");
        assertThat(tallies.countShared(ALICE)).isEqualTo(2);
    }

    @Test
    void aClusterThatCannotAnswerLeavesThisNodesCount() {
        Tallies tallies = new Tallies();
        tallies.shareAcrossNodes(new FakeCluster(tallies, -1));

        assertThat(tallies.acquireShared(ALICE)).isEqualTo(1);
        assertThat(tallies.acquireShared(ALICE)).isEqualTo(2);
        assertThat(tallies.countShared(ALICE)).isEqualTo(2);
    }

    @Test
    void onlyPrincipalsCountsAreWrittenAgainAfterAnOutage() {
        Tallies tallies = new Tallies();
        tallies.acquireShared(ALICE);
        tallies.acquireShared(ALICE);
        tallies.acquire("sessions|Chat");
        tallies.acquire("sessions|Chat|address|10.0.0.1");

        assertThat(tallies.sharedHeld()).isEqualTo(Map.of(ALICE, 2));
    }
}
