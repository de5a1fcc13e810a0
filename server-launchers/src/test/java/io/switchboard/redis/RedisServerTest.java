package io.switchboard.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.launch.ServerProcesses;
import io.switchboard.redis.RedisServer.Options;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher against Debian's real {@code redis-server}: what it listens on, its passwords and TLS as a client
 * without them sees them (a {@code redis-cli} of the test's own), and its crash, restart and freeze.
 */
class RedisServerTest {

    /** With a space, so that every test also proves the paths in {@code redis.conf} are quoted. */
    private static final Path WORK = Path.of("target", "redis tests");

    private final List<RedisServer> started = new ArrayList<>();

    private RedisServer start(Options options) throws IOException {
        RedisRequirement.check(options);
        RedisServer redis = RedisServer.start(WORK, options);
        started.add(redis);
        return redis;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (RedisServer redis : started) {
            redis.close();
        }
    }

    @Test
    void listensOnLoopbackOnlyKeepsNothingAndAnswersThroughItsCli() throws Exception {
        RedisServer redis = start(Options.PLAIN);

        assertThat(redis.uri()).isEqualTo(URI.create("redis://127.0.0.1:" + redis.port()));
        assertThat(redis.ping()).isTrue();
        assertThat(redis.cli("CONFIG", "GET", "bind")).isEqualTo("bind\n127.0.0.1");
        assertThat(redis.cli("CONFIG", "GET", "protected-mode")).isEqualTo("protected-mode\nyes");
        assertThat(redis.cli("CONFIG", "GET", "save")).isEqualTo("save");
        assertThat(redis.cli("CONFIG", "GET", "appendonly")).isEqualTo("appendonly\nno");
        assertThat(redis.logFile()).content().contains("Ready to accept connections");
        assertThatThrownBy(redis::caCertificate).isInstanceOf(IllegalStateException.class);

        redis.cli("SET", "greeting", "hello");
        assertThat(redis.cli("GET", "greeting")).isEqualTo("hello");
        assertThat(redis.cli("KEYS", "*")).isEqualTo("greeting");
        redis.flushAll();
        assertThat(redis.cli("DBSIZE")).isEqualTo("0");
    }

    @Test
    void aPasswordRefusesAClientWithoutIt() throws Exception {
        RedisServer redis = start(Options.PLAIN.withPassword("s3cret-pw"));

        assertThat(redis.uri()).isEqualTo(URI.create("redis://:s3cret-pw@127.0.0.1:" + redis.port()));
        assertThat(ownCli(redis.port(), "PING")).contains("NOAUTH").doesNotContain("PONG");
        assertThat(redis.ping()).isTrue();
    }

    @Test
    void anAclUserIsTheOnlyWayIn() throws Exception {
        RedisServer redis = start(Options.PLAIN.withUser("app", "pw-1"));

        assertThat(redis.uri()).isEqualTo(URI.create("redis://app:pw-1@127.0.0.1:" + redis.port()));
        assertThat(ownCli(redis.port(), "PING")).contains("NOAUTH").doesNotContain("PONG");
        assertThat(redis.cli("ACL", "WHOAMI")).isEqualTo("app");
    }

    @Test
    void restartsEmptyOnTheSamePort() throws Exception {
        RedisServer redis = start(Options.PLAIN);
        int port = redis.port();
        redis.cli("SET", "lost", "soon");

        redis.restart();

        assertThat(redis.port()).isEqualTo(port);
        assertThat(redis.ping()).isTrue();
        assertThat(redis.cli("DBSIZE")).isEqualTo("0");
        assertThat(redis.logFile()).content().containsOnlyOnce("Ready to accept connections");
    }

    @Test
    void aKilledServerIsDownUntilRestarted() throws Exception {
        RedisServer redis = start(Options.PLAIN);
        redis.cli("SET", "lost", "soon");

        redis.kill();

        assertThat(redis.ping(Duration.ofSeconds(2))).isFalse();
        assertThatThrownBy(() -> redis.cli("PING")).isInstanceOf(IOException.class);
        redis.restart();
        assertThat(redis.ping()).isTrue();
        assertThat(redis.cli("EXISTS", "lost")).isEqualTo("0");
    }

    @Test
    void aRestartThatCannotListenFailsWithTheEndOfTheLog() throws Exception {
        RedisServer redis = start(Options.PLAIN);
        redis.kill();

        try (ServerSocket squatter = new ServerSocket(redis.port(), 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(redis::restart)
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("exited")
                    .hasMessageContaining("redis.log");
        }
        assertThat(redis.logFile()).content().containsIgnoringCase("address already in use");
    }

    @Test
    void aFrozenServerAnswersNothingUntilThawed() throws Exception {
        RedisServer redis = start(Options.PLAIN);

        redis.freeze();
        try {
            assertThat(redis.ping(Duration.ofSeconds(1))).isFalse();
        } finally {
            redis.thaw();
        }

        assertThat(redis.ping()).isTrue();
    }

    @Test
    void closeStopsEvenAFrozenServerAndDeletesItsDirectory() throws Exception {
        RedisServer redis = start(Options.PLAIN);
        Path directory = redis.directory();
        assertThat(directory.resolve("redis.conf")).exists();
        redis.freeze();

        redis.close();

        assertThat(directory).doesNotExist();
        assertThat(ServerProcesses.isFree(redis.port())).isTrue();
    }

    @Test
    void tlsIsTheOnlyWayInAndItsCaIsTrusted() throws Exception {
        RedisServer redis = start(Options.PLAIN.withTls());
        String ca = redis.caCertificate().toString();

        assertThat(redis.uri()).isEqualTo(URI.create("rediss://127.0.0.1:" + redis.port()));
        assertThat(redis.caCertificate()).content().startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(ownCli(redis.port(), "--tls", "--cacert", ca, "PING")).isEqualTo("PONG");
        assertThat(ownCli(redis.port(), "PING")).doesNotContain("PONG");
        assertThat(redis.ping()).isTrue();
        assertThat(redis.cli("CONFIG", "GET", "port")).isEqualTo("port\n0");
    }

    @Test
    void tlsAndAnAclUserTogether() throws Exception {
        RedisServer redis = start(Options.PLAIN.withUser("app", "pw-2").withTls());

        assertThat(redis.uri()).isEqualTo(URI.create("rediss://app:pw-2@127.0.0.1:" + redis.port()));
        String ca = redis.caCertificate().toString();
        assertThat(ownCli(redis.port(), "--tls", "--cacert", ca, "PING")).contains("NOAUTH");
        assertThat(redis.cli("ACL", "WHOAMI")).isEqualTo("app");
    }

    @Test
    void optionsTakeOnlyNamesAndPasswordsThatNeedNoQuoting() {
        assertThatThrownBy(() -> Options.PLAIN.withPassword("has space")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.PLAIN.withPassword("a:b@c")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.PLAIN.withUser("app", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Options.PLAIN.withUser("default", "pw")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Options.PLAIN.withUser("app", "pw").withTls()).isEqualTo(new Options("app", "pw", true));
    }

    /** A {@code redis-cli} that signs in with nothing, as a stranger's client would; both streams. */
    private static String ownCli(int port, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Executables.find("redis-cli").orElseThrow().toString(),
                "-h",
                "127.0.0.1",
                "-p",
                Integer.toString(port)));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("REDISCLI_AUTH");
        Process cli = builder.start();
        assertThat(cli.waitFor(10, TimeUnit.SECONDS)).as("redis-cli ended").isTrue();
        return new String(cli.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    }
}
