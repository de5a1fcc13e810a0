package io.switchboard.impl.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import io.switchboard.impl.config.MapConfig;
import io.switchboard.impl.config.Settings;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Access rules, origins and token settings read from annotations and keys, without a server. */
class SecuritySettingsReadTest {

    @RolesAllowed({"chat", "admin"})
    static class Roles {}

    @DenyAll
    @PermitAll
    static class Contradictory {}

    private static EndpointSecurity security(Settings settings, Class<?> type) {
        return EndpointSecurity.of(settings.endpoint("Chat"), type);
    }

    @Test
    void theEndpointsRolesKeyWinsThenTheAnnotationsThenTheDefaultKey() {
        assertThat(security(MapConfig.settings(), Object.class).access()).isEqualTo(EndpointSecurity.Access.OPEN);
        assertThat(security(MapConfig.settings(), Roles.class).roles()).containsExactlyInAnyOrder("chat", "admin");
        Settings both = MapConfig.settings(
                "switchboard.Chat.roles-allowed", " ops ,", "switchboard.default.roles-allowed", "**");
        assertThat(security(both, Roles.class).roles()).containsExactly("ops");
        Settings fallback = MapConfig.settings("switchboard.default.roles-allowed", "**");
        assertThat(security(fallback, Roles.class).roles()).containsExactlyInAnyOrder("chat", "admin");
        assertThat(security(fallback, Object.class).access()).isEqualTo(EndpointSecurity.Access.AUTHENTICATED);
        assertThat(security(MapConfig.settings("switchboard.Chat.roles-allowed", "x,*"), Roles.class)
                        .access())
                .isEqualTo(EndpointSecurity.Access.PERMIT_ALL);
        // the endpoint's key settles it: contradictory annotations are not even looked at
        assertThat(security(MapConfig.settings("switchboard.Chat.roles-allowed", "*"), Contradictory.class)
                        .access())
                .isEqualTo(EndpointSecurity.Access.PERMIT_ALL);
    }

    @Test
    void badRulesFail() {
        assertThatThrownBy(() -> security(MapConfig.settings("switchboard.default.roles-allowed", " , "), Object.class))
                .hasMessage("Switchboard: bad configuration for endpoint Chat: switchboard.default.roles-allowed ="
                        + " ' , ' is not a list of roles, * or **");
        assertThatThrownBy(() -> security(MapConfig.settings(), Contradictory.class))
                .hasMessageContaining("endpoint Chat (" + Contradictory.class.getName() + ") has more than one of"
                        + " @DenyAll, @RolesAllowed and @PermitAll");
    }

    @Test
    void originsAreAListOfOriginsOrAStar() {
        assertThat(security(
                                MapConfig.settings(
                                        "switchboard.default.allowed-origins",
                                        "https://App.example.com/, http://localhost:8080"),
                                Object.class)
                        .origins())
                .containsExactlyInAnyOrder("https://app.example.com", "http://localhost:8080");
        assertThat(security(
                                MapConfig.settings(
                                        "switchboard.Chat.allowed-origins",
                                        "*",
                                        "switchboard.default.allowed-origins",
                                        "https://a.example"),
                                Object.class)
                        .origins())
                .isEmpty();
        assertThatThrownBy(() -> security(
                        MapConfig.settings("switchboard.Chat.allowed-origins", "app.example.com"), Object.class))
                .hasMessage("Switchboard: bad configuration: switchboard.Chat.allowed-origins ="
                        + " 'app.example.com': 'app.example.com' is not an origin such as https://app.example.com");
    }

    @Test
    void tokenSettingsKeepTheirDefaults() {
        JwtSettings defaults = JwtSettings.read(MapConfig.settings());
        assertThat(defaults.verifiable()).isFalse();
        assertThat(defaults.algorithms()).containsExactly(JWSAlgorithm.RS256);
        assertThat(defaults.clockSkewSeconds()).isEqualTo(60);
        assertThat(defaults.header()).isEqualTo("Authorization");
        assertThat(defaults.cookie()).isEqualTo("Bearer");
        assertThat(defaults.sources()).isEqualTo(EnumSet.of(TokenSource.HEADER, TokenSource.SUBPROTOCOL));
        assertThat(defaults.queryParameter()).isEqualTo("access_token");
        assertThat(defaults.subprotocol()).isEqualTo("switchboard.bearer");
        assertThat(defaults.maxTokenLength()).isEqualTo(8192);
        assertThat(defaults.allowInsecureKeyLocation()).isFalse();
        assertThat(defaults.keyRefetchInterval()).isEqualTo(JwtSettings.DEFAULT_KEY_REFETCH_INTERVAL);
    }

    @Test
    void tokenSettingsAreRead() {
        JwtSettings read = JwtSettings.read(MapConfig.settings(
                "mp.jwt.verify.issuer",
                " https://issuer ",
                "mp.jwt.verify.audiences",
                "a, b,",
                "mp.jwt.verify.publickey.algorithm",
                " es256 ",
                "mp.jwt.token.header",
                "Cookie",
                "mp.jwt.verify.token.age",
                "300",
                "switchboard.security.keys.refetch-interval",
                "2m",
                "switchboard.security.token.max-length",
                "64",
                "switchboard.security.keys.allow-insecure-location",
                "TRUE"));
        assertThat(read.issuer()).contains("https://issuer");
        assertThat(read.audiences()).isEqualTo(Set.of("a", "b"));
        assertThat(read.algorithms()).containsExactly(JWSAlgorithm.ES256);
        assertThat(read.sources()).isEqualTo(EnumSet.of(TokenSource.COOKIE, TokenSource.SUBPROTOCOL));
        assertThat(read.tokenAgeSeconds()).isEqualTo(300);
        assertThat(read.keyRefetchInterval()).isEqualTo(Duration.ofMinutes(2));
        assertThat(read.maxTokenLength()).isEqualTo(64);
        assertThat(read.allowInsecureKeyLocation()).isTrue();
        assertThat(JwtSettings.read(MapConfig.settings("switchboard.security.token.sources", "query, ,header"))
                        .sources())
                .isEqualTo(EnumSet.of(TokenSource.QUERY, TokenSource.HEADER));
    }

    @Test
    void badTokenSettingsNameKeyAndValueOnly() {
        record Case(String key, String value, String message) {}
        for (Case c : List.of(
                new Case(
                        "mp.jwt.verify.publickey.algorithm",
                        "RS256,ES256",
                        "mp.jwt.verify.publickey.algorithm ="
                                + " 'RS256,ES256' is not one of ES256, ES384, ES512, PS256, PS384, PS512, RS256, RS384, RS512"),
                new Case(
                        "mp.jwt.verify.publickey.algorithm",
                        "HS256",
                        "mp.jwt.verify.publickey.algorithm = 'HS256' is" + " not one of ES256"),
                new Case(
                        "mp.jwt.verify.clock.skew",
                        "a while",
                        "mp.jwt.verify.clock.skew = 'a while' is not a whole" + " number from 0 to 86400"),
                new Case(
                        "mp.jwt.verify.clock.skew",
                        "86401",
                        "mp.jwt.verify.clock.skew = '86401' is not a whole" + " number from 0 to 86400"),
                new Case(
                        "switchboard.security.token.max-length",
                        "10",
                        "switchboard.security.token.max-length = '10'" + " is not a whole number from 64 to 1048576"),
                new Case(
                        "switchboard.security.token.sources",
                        "header,carrier-pigeon",
                        "switchboard.security.token.sources = 'header,carrier-pigeon' is not a list of header,"
                                + " subprotocol, query, cookie"),
                new Case(
                        "switchboard.security.token.subprotocol",
                        " bearer token ",
                        "switchboard.security.token.subprotocol = 'bearer token' is not an HTTP token"),
                new Case(
                        "switchboard.security.keys.allow-insecure-location",
                        "yes",
                        "switchboard.security.keys.allow-insecure-location = 'yes' is not a boolean (true or false)"),
                new Case(
                        "switchboard.security.keys.refetch-interval",
                        "0",
                        "switchboard.security.keys.refetch-interval = '0' is not a positive duration such as 30s,"
                                + " 500ms or 2m"),
                new Case(
                        "switchboard.security.keys.refetch-interval",
                        "later",
                        "switchboard.security.keys.refetch-interval = 'later' is not a positive duration"))) {
            assertThatThrownBy(() -> JwtSettings.read(MapConfig.settings(c.key(), c.value())))
                    .as(c.key() + " = " + c.value())
                    .hasMessageStartingWith("Switchboard: bad configuration: " + c.message());
        }
    }
}
