package io.switchboard.impl.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import io.switchboard.tck.security.tokens.JwksServer;
import io.switchboard.tck.security.tokens.TestTokens;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An identity provider rotating its keys, served by a JWKS endpoint on loopback that counts its requests: tokens
 * signed with the new key are admitted as soon as the refetch interval allows, not when the cache expires; made-up
 * {@code kid}s cost the provider at most one fetch per interval; a known {@code kid} costs it nothing; and a key set
 * fetched over plain http from another host is warned about at deployment.
 */
class KeyRotationTest {

    private static final Duration INTERVAL = Duration.ofMillis(700);
    private static final String NO_KEY = "no key for the token's kid and algorithm";

    private final ConcurrentLinkedQueue<LogRecord> logged = new ConcurrentLinkedQueue<>();
    private final List<String> tokensSeen = new ArrayList<>();
    private JwksServer keys;
    private Handler capture;

    @BeforeEach
    void startKeySetServer() {
        keys = JwksServer.start(0);
        capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        capture.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopKeySetServer() {
        keys.close();
        Logger.getLogger("").removeHandler(capture);
        SimpleFormatter formatter = new SimpleFormatter();
        for (LogRecord record : logged) {
            String line = formatter.format(record);
            for (String token : tokensSeen) {
                assertThat(line).as("a log line").doesNotContain(token.substring(token.lastIndexOf('.') + 1));
            }
        }
    }

    private JwtVerifier verifier(String location, boolean allowInsecure) {
        JwtSettings settings = VerifierSettings.of(
                Optional.empty(), Optional.of(location), Set.of(JWSAlgorithm.RS256), 5, 0, allowInsecure, INTERVAL);
        return new JwtVerifier(settings, getClass().getClassLoader());
    }

    private JwtVerifier served() {
        return verifier(keys.location(), false);
    }

    private String token(TestTokens.Builder builder) {
        String token = builder.sign();
        synchronized (tokensSeen) {
            tokensSeen.add(token);
        }
        return token;
    }

    @Test
    void tokensOfTheRotatedKeyAreAdmittedWithoutWaitingForTheCacheToExpire() throws Exception {
        JwtVerifier verifier = served();
        assertThat(verifier.verify(token(TestTokens.forUser("alice"))).getName())
                .isEqualTo("alice");
        for (int i = 0; i < 20; i++) {
            verifier.verify(token(TestTokens.forUser("alice")));
        }
        assertThat(keys.fetches()).as("a known kid is served from the cache").isEqualTo(1);

        keys.publish(TestTokens.rotatedJwks());
        // The cache would keep the old keys for minutes; the refetch interval is all a new kid waits for.
        Thread.sleep(INTERVAL.toMillis());
        assertThat(verifier.verify(token(TestTokens.forUser("bob").rotated())).getName())
                .isEqualTo("bob");
        assertThat(keys.fetches()).isEqualTo(2);
        for (int i = 0; i < 20; i++) {
            verifier.verify(token(TestTokens.forUser("bob").rotated()));
        }
        assertThat(keys.fetches()).isEqualTo(2);
        // The old key is gone from the set, and asking again so soon does not reach the provider.
        assertThatThrownBy(() -> verifier.verify(token(TestTokens.forUser("alice"))))
                .hasMessage(NO_KEY);
        assertThat(keys.fetches()).isEqualTo(2);
    }

    @Test
    void madeUpKidsCostTheProviderAtMostOneFetchPerInterval() throws Exception {
        JwtVerifier verifier = served();
        verifier.verify(token(TestTokens.forUser("alice")));
        assertThat(keys.fetches()).isEqualTo(1);
        Thread.sleep(INTERVAL.toMillis());

        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 2; round++) {
                List<String> made = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    made.add(token(
                            TestTokens.forUser("mallory").kid(UUID.randomUUID().toString())));
                }
                int before = keys.fetches();
                long started = System.nanoTime();
                List<Future<?>> attempts = new ArrayList<>();
                for (String forged : made) {
                    attempts.add(clients.submit(() -> {
                        assertThatThrownBy(() -> verifier.verify(forged)).hasMessage(NO_KEY);
                        return null;
                    }));
                }
                for (Future<?> attempt : attempts) {
                    attempt.get(10, TimeUnit.SECONDS);
                }
                long intervals = 1 + (System.nanoTime() - started) / INTERVAL.toNanos();
                // The sleep before each round opened the interval; so one fetch, unless this machine was too slow.
                assertThat(keys.fetches() - before)
                        .as("fetches for 400 made-up kids in %d interval(s)", intervals)
                        .isBetween(1, (int) intervals);
                // A real user in the middle of the flood still gets in, without a fetch of its own.
                int now = keys.fetches();
                assertThat(verifier.verify(token(TestTokens.forUser("alice"))).getName())
                        .isEqualTo("alice");
                assertThat(keys.fetches()).isEqualTo(now);
                Thread.sleep(INTERVAL.toMillis());
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void plainHttpKeysFromAnotherHostAreWarnedAboutNamingTheSettingAndTheLocation() {
        // Nothing is fetched here: a remote key set is read when the first token arrives.
        verifier("http://idp.example.test/realms/acme/jwks", false);
        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("mp.jwt.verify.publickey.location = 'http://idp.example.test/realms/acme/jwks'")
                .contains("switchboard.security.keys.allow-insecure-location=true");

        logged.clear();
        verifier("http://user:secret@idp.example.test/jwks", false);
        assertThat(warnings())
                .singleElement()
                .asString()
                .contains("'http://idp.example.test/jwks'")
                .doesNotContain("secret");

        logged.clear();
        verifier("http://idp.example.test/jwks", true);
        verifier("https://idp.example.test/jwks", false);
        verifier("http://localhost:8080/jwks", false);
        verifier("http://127.0.0.1/jwks", false);
        verifier("http://127.8.9.10:9000/jwks", false);
        verifier("http://[::1]:9000/jwks", false);
        assertThat(warnings()).isEmpty();

        verifier("http://128.0.0.1/jwks", false);
        verifier("http://localhost.example.test/jwks", false);
        assertThat(warnings()).hasSize(2);
    }

    private List<String> warnings() {
        return logged.stream()
                .filter(r -> r.getLevel() == Level.WARNING)
                .filter(r -> r.getLoggerName().equals(VerificationKeys.class.getName()))
                .map(LogRecord::getMessage)
                .toList();
    }
}
