package io.switchboard.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.runtime.Reaction.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReactionTest {

    @ParameterizedTest(name = "close {0} -> {1}")
    @CsvSource({
        "1000, SOON",
        "1001, SOON",
        "1012, SOON",
        "1006, SOON",
        "1011, SOON",
        "1013, BACK_OFF_MORE",
        "1008, NEW_TOKEN",
        "1003, GIVE_UP"
    })
    void closeCodes(int code, Kind expected) {
        for (String reason : new String[] {null, "", "Service restart", "bye"}) {
            Reaction reaction = Reaction.toClose(code, reason);
            assertThat(reaction.kind()).isEqualTo(expected);
            assertThat(reaction.retryAfter()).isNull();
        }
    }

    @Test
    void aRestartThatSaysWhenToComeBackIsWaitedFor() {
        assertThat(Reaction.toClose(1012, "Service restart; reconnect in 4321 ms"))
                .isEqualTo(new Reaction(Kind.RETRY_AFTER, Duration.ofMillis(4321)));
        // The same words with another code, or a mangled delay, are no advice.
        assertThat(Reaction.toClose(1001, "Service restart; reconnect in 4321 ms")
                        .kind())
                .isEqualTo(Kind.SOON);
        assertThat(Reaction.toClose(1012, "Service restart; reconnect in 99999999 ms")
                        .kind())
                .isEqualTo(Kind.SOON);
        assertThat(Reaction.toClose(1013, "Service restart; reconnect in 4321 ms")
                        .kind())
                .isEqualTo(Kind.BACK_OFF_MORE);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void refusedTokenWantsANewOne(int status) {
        assertThat(Reaction.toRefusal(status, null)).isEqualTo(new Reaction(Kind.NEW_TOKEN, null));
        assertThat(Reaction.toRefusal(status, Duration.ofSeconds(5))).isEqualTo(new Reaction(Kind.NEW_TOKEN, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void retryAfterIsCarried(int status) {
        Reaction reaction = Reaction.toRefusal(status, Duration.ofSeconds(7));
        assertThat(reaction.kind()).isEqualTo(Kind.RETRY_AFTER);
        assertThat(reaction.retryAfter()).isEqualTo(Duration.ofSeconds(7));
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 503})
    void withoutRetryAfterBacksOffMore(int status) {
        assertThat(Reaction.toRefusal(status, null)).isEqualTo(new Reaction(Kind.BACK_OFF_MORE, null));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 500, 404, 400, 502})
    void otherFailuresBackOff(int status) {
        assertThat(Reaction.toRefusal(status, null)).isEqualTo(new Reaction(Kind.BACK_OFF, null));
        assertThat(Reaction.toRefusal(status, Duration.ofSeconds(3)).kind()).isEqualTo(Kind.BACK_OFF);
    }

    @Test
    void zeroRetryAfterIsStillARetryAfter() {
        assertThat(Reaction.toRefusal(503, Duration.ZERO)).isEqualTo(new Reaction(Kind.RETRY_AFTER, Duration.ZERO));
    }
}
