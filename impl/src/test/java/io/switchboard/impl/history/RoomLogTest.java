package io.switchboard.impl.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RecordedMessages;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery.Outcome;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.delivery.Payload;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One room's history in memory, with the time given: positions, bounds, and what a resume finds. */
class RoomLogTest {

    private static final long T0 = -5_000_000L; // clocks may start anywhere, negative too

    private static RoomLog log(int size, long maxBytes, Duration ttl) {
        return new RoomLog("e1", new HistorySettings(size, maxBytes, ttl), T0);
    }

    private static List<Long> offsets(RoomLog.Replay replay) {
        return replay.entries().stream().map(RoomLog.Entry::offset).toList();
    }

    @Test
    void positionsGrowByOneFromOneInTheLogsEpoch() {
        RoomLog log = log(10, 1 << 20, Duration.ofMinutes(1));
        assertThat(log.latest()).isEqualTo(new RoomPosition("e1", 0));
        assertThat(log.next()).isEqualTo(new RoomPosition("e1", 1));
        assertThat(log.append(Payload.text("a"), T0)).isEqualTo(new RoomPosition("e1", 1));
        assertThat(log.append(Payload.text("b"), T0)).isEqualTo(new RoomPosition("e1", 2));
        assertThat(log.latest()).isEqualTo(new RoomPosition("e1", 2));
    }

    @Test
    void aResumeGetsEveryLaterBroadcastInOrder() {
        RoomLog log = log(10, 1 << 20, Duration.ofMinutes(1));
        for (int i = 0; i < 5; i++) {
            log.append(Payload.text("m" + i), T0 + i);
        }
        RoomLog.Replay replay = log.since(new RoomPosition("e1", 2), T0 + 10);
        assertThat(replay.outcome()).isEqualTo(Outcome.RECOVERED);
        assertThat(offsets(replay)).containsExactly(3L, 4L, 5L);
        assertThat(log.since(new RoomPosition("e1", 5), T0 + 10).entries()).isEmpty();
        assertThat(log.since(new RoomPosition("e1", 5), T0 + 10).outcome()).isEqualTo(Outcome.RECOVERED);
        assertThat(offsets(log.since(new RoomPosition("e1", 0), T0 + 10))).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void theCountBoundDropsTheOldestAndAResumeBeforeThemIsTooOld() {
        RoomLog log = log(3, 1 << 20, Duration.ofMinutes(1));
        for (int i = 0; i < 6; i++) {
            log.append(Payload.text("m" + i), T0);
        }
        assertThat(log.size()).isEqualTo(3);
        assertThat(log.since(new RoomPosition("e1", 2), T0).outcome()).isEqualTo(Outcome.TOO_OLD);
        assertThat(offsets(log.since(new RoomPosition("e1", 3), T0))).containsExactly(4L, 5L, 6L);
    }

    @Test
    void theByteBoundDropsTheOldestAndATooLargeBroadcastTakesItsPositionButIsNotKept() {
        RoomLog log = log(100, 10, Duration.ofMinutes(1));
        log.append(Payload.text("aaaa"), T0);
        log.append(Payload.text("bbbb"), T0);
        log.append(Payload.text("cccc"), T0);
        assertThat(log.bytes()).isEqualTo(8);
        assertThat(offsets(log.since(new RoomPosition("e1", 1), T0))).containsExactly(2L, 3L);
        assertThat(log.append(Payload.binary(ByteBuffer.allocate(11)), T0)).isEqualTo(new RoomPosition("e1", 4));
        assertThat(log.size()).isZero();
        assertThat(log.since(new RoomPosition("e1", 3), T0).outcome()).isEqualTo(Outcome.TOO_OLD);
        assertThat(log.since(new RoomPosition("e1", 4), T0).outcome()).isEqualTo(Outcome.RECOVERED);
    }

    @Test
    void broadcastsOlderThanTheTtlAreGone() {
        RoomLog log = log(100, 1 << 20, Duration.ofSeconds(10));
        log.append(Payload.text("old"), T0);
        log.append(Payload.text("new"), T0 + 5_000);
        assertThat(offsets(log.since(new RoomPosition("e1", 0), T0 + 9_999))).containsExactly(1L, 2L);
        assertThat(log.since(new RoomPosition("e1", 0), T0 + 10_000).outcome()).isEqualTo(Outcome.TOO_OLD);
        assertThat(offsets(log.since(new RoomPosition("e1", 1), T0 + 10_000))).containsExactly(2L);
        assertThat(log.since(new RoomPosition("e1", 2), T0 + 60_000).outcome()).isEqualTo(Outcome.RECOVERED);
    }

    @Test
    void anotherEpochOrAPositionAheadIsNotRecovered() {
        RoomLog log = log(10, 1 << 20, Duration.ofMinutes(1));
        log.append(Payload.text("a"), T0);
        assertThat(log.since(new RoomPosition("e2", 1), T0).outcome()).isEqualTo(Outcome.OTHER_EPOCH);
        assertThat(log.since(new RoomPosition("e1", 2), T0).outcome()).isEqualTo(Outcome.AHEAD);
        assertThat(log.since(new RoomPosition("e1", Long.MAX_VALUE), T0).outcome())
                .isEqualTo(Outcome.AHEAD);
        assertThat(log.since(new RoomPosition("e2", 1), T0).entries()).isEmpty();
    }

    @Test
    void aBroadcastNoOneCouldEncodeTakesAPositionButIsNotKept() {
        RoomLog log = log(10, 1 << 20, Duration.ofMinutes(1));
        log.append(Payload.text("a"), T0);
        assertThat(log.append(null, T0)).isEqualTo(new RoomPosition("e1", 2));
        log.append(Payload.text("c"), T0);
        assertThat(offsets(log.since(new RoomPosition("e1", 0), T0))).containsExactly(1L, 3L);
    }

    @Test
    void theApplicationReadsWhatIsKept() {
        RoomLog log = log(2, 1 << 20, Duration.ofMinutes(1));
        assertThat(log.read(null, T0).complete()).isTrue();
        log.append(Payload.text("a"), T0);
        log.append(Payload.binary(ByteBuffer.wrap(new byte[] {1, 2})), T0 + 1);
        RecordedMessages all = log.read(null, T0 + 2);
        assertThat(all.complete()).isTrue();
        assertThat(all.messages()).extracting(RecordedMessages.Message::text).containsExactly("a", null);
        assertThat(all.messages().get(1).binary().remaining()).isEqualTo(2);
        assertThat(all.messages().get(1).at().toEpochMilli()).isEqualTo(T0 + 1);
        log.append(Payload.text("c"), T0 + 2);
        assertThat(log.read(null, T0 + 3).complete()).isFalse();
        RecordedMessages after = log.read(new RoomPosition("e1", 2), T0 + 3);
        assertThat(after.complete()).isTrue();
        assertThat(after.messages()).extracting(m -> m.position().offset()).containsExactly(3L);
        RecordedMessages tooOld = log.read(new RoomPosition("e1", 0), T0 + 3);
        assertThat(tooOld.complete()).isFalse();
        assertThat(tooOld.messages()).hasSize(2);
        assertThat(tooOld.latest()).isEqualTo(new RoomPosition("e1", 3));
    }

    @Test
    void aLogIsUnusedOnceNothingHappenedForItsTtl() {
        RoomLog log = log(10, 1 << 20, Duration.ofSeconds(10));
        assertThat(log.unusedAt(T0 + 9_999)).isFalse();
        log.append(Payload.text("a"), T0 + 5_000);
        assertThat(log.unusedAt(T0 + 14_999)).isFalse();
        assertThat(log.unusedAt(T0 + 15_000)).isTrue();
        log.touch(T0 + 15_000);
        assertThat(log.unusedAt(T0 + 20_000)).isFalse();
    }

    @Test
    void aLogMadeAgainAfterItWasUnusedHasANewEpoch() {
        RoomLogs logs = new RoomLogs();
        HistorySettings settings = new HistorySettings(10, 1 << 20, Duration.ofSeconds(10));
        RoomLog first = logs.open("lobby", settings, T0);
        assertThat(logs.open("lobby", settings, T0 + 9_000)).isSameAs(first);
        RoomLog second = logs.open("lobby", settings, T0 + 9_000 + 10_000);
        assertThat(second).isNotSameAs(first);
        assertThat(second.latest().epoch()).isNotEqualTo(first.latest().epoch());
        assertThat(logs.find("lobby")).isSameAs(second);
    }

    @Test
    void unusedLogsOfRoomsWithoutMembersAreSweptNowAndThen() {
        RoomLogs logs = new RoomLogs();
        HistorySettings settings = new HistorySettings(10, 1 << 20, Duration.ofSeconds(1));
        logs.open("empty", settings, T0);
        logs.open("busy", settings, T0);
        for (int i = 0; i < 256; i++) {
            logs.sweepNowAndThen(room -> room.equals("busy"), T0 + 5_000);
        }
        assertThat(logs.find("empty")).isNull();
        assertThat(logs.find("busy")).isNotNull();
        assertThat(logs.count()).isEqualTo(1);
    }
}
