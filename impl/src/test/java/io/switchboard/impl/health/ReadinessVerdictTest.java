package io.switchboard.impl.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.impl.health.ReadinessVerdict.Facts;
import io.switchboard.impl.health.ReadinessVerdict.FullEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Readiness from given facts, under each setting. */
class ReadinessVerdictTest {

    private static final HealthSettings DEFAULTS = HealthSettings.DEFAULTS;
    private static final HealthSettings LIMITS_COUNT = new HealthSettings(true, true, true, Duration.ofSeconds(10));
    private static final HealthSettings BACKPLANE_IGNORED =
            new HealthSettings(true, false, false, Duration.ofSeconds(10));
    private static final List<FullEndpoint> CHAT_FULL = List.of(new FullEndpoint("Chat", 2, 2));

    @Test
    void aSingleNodeRunningNormallyIsReady() {
        ReadinessVerdict verdict = ReadinessVerdict.of(new Facts(false, "local", false, List.of()), DEFAULTS);
        assertThat(verdict.up()).isTrue();
        assertThat(verdict.reasons()).isEmpty();
    }

    @Test
    void drainingIsNeverReadyWhateverTheSettings() {
        for (HealthSettings settings : List.of(DEFAULTS, LIMITS_COUNT, BACKPLANE_IGNORED)) {
            ReadinessVerdict verdict = ReadinessVerdict.of(new Facts(true, "local", false, List.of()), settings);
            assertThat(verdict.up()).isFalse();
            assertThat(verdict.reasons()).singleElement().asString().startsWith("draining");
        }
    }

    @Test
    void anUnreachableBackplaneTakesReadinessDownUnlessSwitchedOff() {
        Facts down = new Facts(false, "redis", false, List.of());
        assertThat(ReadinessVerdict.of(down, DEFAULTS).reasons())
                .containsExactly("the redis backplane is unreachable: broadcasts stay on this node");
        assertThat(ReadinessVerdict.of(down, BACKPLANE_IGNORED).up()).isTrue();
        assertThat(ReadinessVerdict.of(new Facts(false, "redis", true, List.of()), DEFAULTS)
                        .up())
                .isTrue();
    }

    @Test
    void aFullEndpointTakesReadinessDownOnlyWhenAskedTo() {
        Facts full = new Facts(false, "local", false, CHAT_FULL);
        assertThat(ReadinessVerdict.of(full, DEFAULTS).up()).isTrue();
        assertThat(ReadinessVerdict.of(full, LIMITS_COUNT).reasons())
                .containsExactly("endpoint Chat is full (2 of 2 sessions)");
    }

    @Test
    void everyReasonIsGivenInOrder() {
        Facts all = new Facts(true, "redis", false, CHAT_FULL);
        assertThat(ReadinessVerdict.of(all, LIMITS_COUNT).reasons()).hasSize(3).satisfies(reasons -> {
            assertThat(reasons.get(0)).startsWith("draining");
            assertThat(reasons.get(1)).contains("redis backplane");
            assertThat(reasons.get(2)).contains("endpoint Chat");
        });
    }

    @Test
    void anEndpointIsFullOnceItsSessionsReachItsMaxAsTheHandshakeGateRefuses() {
        Map<String, Integer> sessions = Map.of("Chat", 2, "Feed", 5, "Open", 100, "Over", 4);
        Map<String, Integer> max = Map.of("Chat", 2, "Feed", 6, "Open", 0, "Over", 3);
        assertThat(ReadinessVerdict.full(sessions, max::get))
                .containsExactly(new FullEndpoint("Chat", 2, 2), new FullEndpoint("Over", 4, 3));
        assertThat(ReadinessVerdict.full(Map.of(), id -> 1)).isEmpty();
    }
}
