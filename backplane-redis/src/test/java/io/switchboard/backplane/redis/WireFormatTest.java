package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ClusterMember;
import io.switchboard.spi.ClusterBroadcast;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void aBroadcastCrossesIntact() {
        byte[] binary = new byte[70_000];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        ClusterBroadcast sent =
                new ClusterBroadcast("node-1", ClusterBroadcast.Audience.ROOM, "lobby é", false, binary);

        ClusterBroadcast received = WireFormat.decodeBroadcast(WireFormat.encode(sent));

        assertThat(received.origin()).isEqualTo("node-1");
        assertThat(received.audience()).isEqualTo(ClusterBroadcast.Audience.ROOM);
        assertThat(received.target()).isEqualTo("lobby é");
        assertThat(received.text()).isFalse();
        assertThat(received.payload()).isEqualTo(binary);
    }

    @Test
    void textKeepsEveryCharacter() {
        byte[] text = "héllo 🌍 \u0000 end".getBytes(StandardCharsets.UTF_8);
        ClusterBroadcast sent = new ClusterBroadcast("n", ClusterBroadcast.Audience.PRINCIPAL, "alice", true, text);

        ClusterBroadcast received = WireFormat.decodeBroadcast(WireFormat.encode(sent));

        assertThat(new String(received.payload(), StandardCharsets.UTF_8)).isEqualTo("héllo 🌍 \u0000 end");
        assertThat(received.text()).isTrue();
    }

    @Test
    void garbageAndTruncatedMessagesAreRefusedClearly() {
        byte[] whole = WireFormat.encode(
                new ClusterBroadcast("n", ClusterBroadcast.Audience.ENDPOINT, "e", true, new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> WireFormat.decodeBroadcast(Arrays.copyOf(whole, whole.length - 1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WireFormat.decodeBroadcast(new byte[] {9, 9, 9}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version 9");
        assertThatThrownBy(() -> WireFormat.decodeBroadcast(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void presenceChangesAndMemberEntriesRoundTrip() {
        ClusterMember alice = new ClusterMember("n1", "s1", "Chat", "alice smith+x");
        ClusterMember anonymous = new ClusterMember("n2", "s/2", "Chat", null);

        WireFormat.PresenceChange change =
                WireFormat.decodePresence(WireFormat.encode(new WireFormat.PresenceChange(true, alice, "r")));

        assertThat(change).isEqualTo(new WireFormat.PresenceChange(true, alice, "r"));
        assertThat(WireFormat.member(WireFormat.field(alice), WireFormat.value(alice)))
                .isEqualTo(alice);
        assertThat(WireFormat.member(WireFormat.field(anonymous), WireFormat.value(anonymous)))
                .isEqualTo(anonymous);
    }
}
