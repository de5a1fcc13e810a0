package io.switchboard.backplane.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.ClusterMember;
import io.switchboard.RoomPosition;
import io.switchboard.spi.ClusterBroadcast;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
    void aPositionTravelsInATrailerAfterThePayload() {
        ClusterBroadcast plain = new ClusterBroadcast(
                "n", ClusterBroadcast.Audience.ROOM, "r", true, "hi".getBytes(StandardCharsets.UTF_8));
        RoomPosition position = new RoomPosition("k3j9x2ab", 42);

        byte[] withPosition = WireFormat.encode(plain.at(position));
        ClusterBroadcast received = WireFormat.decodeBroadcast(withPosition);

        assertThat(received.position()).isEqualTo(position);
        assertThat(new String(received.payload(), StandardCharsets.UTF_8)).isEqualTo("hi");
        assertThat(WireFormat.decodeBroadcast(WireFormat.encode(plain)).position())
                .isNull();
        // What the record script does in Redis: the plain frame, the text's length, the text.
        byte[] whole = WireFormat.encode(plain);
        byte[] appended = concat(whole, new byte[] {(byte) "k3j9x2ab:42".length()}, ascii("k3j9x2ab:42"));
        assertThat(appended).isEqualTo(withPosition);
        byte[] longest = ascii("a".repeat(32) + ":" + "9".repeat(18));
        assertThat(WireFormat.decodeBroadcast(concat(whole, new byte[] {(byte) longest.length}, longest))
                        .position())
                .isEqualTo(new RoomPosition("a".repeat(32), 999_999_999_999_999_999L));
    }

    @Test
    void aTrailerThatIsNotAPositionIsRefused() {
        byte[] whole = WireFormat.encode(
                new ClusterBroadcast("n", ClusterBroadcast.Audience.ROOM, "r", true, new byte[] {1, 2, 3}));

        for (byte[] trailer : List.of(
                new byte[] {0},
                new byte[] {3, 'a', 'b', 'c'},
                concat(new byte[] {4}, ascii("AB:1")),
                concat(new byte[] {5}, ascii("ab:1")),
                concat(new byte[] {3}, ascii("ab:1")),
                concat(new byte[] {4}, ascii("ab:-")))) {
            assertThatThrownBy(() -> WireFormat.decodeBroadcast(concat(whole, trailer)))
                    .as(Arrays.toString(trailer))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("not a Switchboard broadcast");
        }
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
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
