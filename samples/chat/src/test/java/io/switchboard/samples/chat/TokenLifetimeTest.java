package io.switchboard.samples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo token endpoint's {@code ttl}: an hour without it, 1 to 3600 seconds with it, nothing else. */
class TokenLifetimeTest {

    @Test
    void withoutTtlATokenLastsAnHour() {
        assertThat(TokenServlet.lifetime(null)).isEqualTo(Duration.ofHours(1));
        assertThat(TokenServlet.lifetime(" ")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aTtlFromOneSecondToAnHourIsTaken() {
        assertThat(TokenServlet.lifetime("1")).isEqualTo(Duration.ofSeconds(1));
        assertThat(TokenServlet.lifetime(" 3600 ")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void anyOtherTtlIsRefused() {
        for (String bad : new String[] {"0", "-5", "3601", "1e3", "ten", "9999999999999999999999"}) {
            assertThat(TokenServlet.lifetime(bad)).as(bad).isNull();
        }
    }
}
