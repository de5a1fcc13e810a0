package io.switchboard.backplane.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SetArgs;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.SslOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.event.connection.ConnectionActivatedEvent;
import io.lettuce.core.event.connection.ConnectionDeactivatedEvent;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import io.switchboard.ClusterMember;
import io.switchboard.RoomPosition;
import io.switchboard.spi.Backplane;
import io.switchboard.spi.BackplaneNode;
import io.switchboard.spi.ClusterBroadcast;
import io.switchboard.spi.SharedHistory;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.File;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The Redis backplane ({@code switchboard.backplane=redis}), on Lettuce: one connection for commands and publishing,
 * one for the subscription, both reconnecting by themselves with exponential backoff and full jitter.
 *
 * <ul>
 *   <li>Broadcasts: one {@code PUBLISH} per broadcast on {@code <prefix>:broadcast}; Redis hands each subscriber
 *       the messages of one connection in the order published, and the subscription's listener runs on one thread,
 *       so every node delivers a node's broadcasts in that node's order. While Redis is unreachable, commands are
 *       refused at once ({@code REJECT_COMMANDS}) and at most {@code max-pending} wait: nothing queues without
 *       bound.</li>
 *   <li>Presence and counts: changed by {@link Scripts}; each node's changes are issued under one lock, on one
 *       connection, so they reach Redis in the order they happened here, and a {@link #restore} cannot overtake
 *       or be overtaken by a join.</li>
 *   <li>Liveness: a timer thread refreshes {@code <prefix>:node:<id>} every third of {@code node-timeout} and
 *       purges nodes whose key expired. If this node's own entry was gone (Redis restarted or flushed, or another
 *       node purged it after a long pause), it writes its presence again.</li>
 *   <li>Room history ({@link SharedHistory}, by {@link History}): each room's epoch and latest offset in a hash, its
 *       recorded broadcasts in a stream, bounded to the room's {@code size} entries and, by age, to its {@code ttl}
 *       (not in bytes: each entry is one broadcast of at most {@code switchboard.backplane.max-payload}). A
 *       broadcast to such a room gets its position, is recorded and is published on the same channel as the others
 *       in one script, so every node, this one included, receives the room's broadcasts in the order of their
 *       positions; the subscription hands them to {@link BackplaneNode#deliver} with their positions. A room's
 *       history expires {@code ttl} after its last broadcast, open or member: every heartbeat keeps the history of
 *       the rooms this node has members in for at least the greater of their ttl and the node timeout, so a room
 *       whose members sit idle keeps its epoch, as in a node's memory.</li>
 * </ul>
 */
@ApplicationScoped
public class RedisBackplane implements Backplane, SharedHistory {

    private static final Logger LOG = Logger.getLogger(RedisBackplane.class.getName());
    private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private RedisSettings settings;
    private BackplaneNode node;
    private Keys keys;
    private ClientResources resources;
    private RedisClient client;
    private ScheduledExecutorService timer;
    private Link link;
    private SharedState state;
    private volatile History history;

    private volatile StatefulRedisConnection<String, byte[]> commands;
    private volatile boolean stopped;
    private int connectAttempts;

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public void start(BackplaneNode node) {
        start(node, RedisSettings.read(ConfigProvider.getConfig()));
    }

    /** Starts with these settings rather than the configuration's (tests). */
    void start(BackplaneNode node, RedisSettings settings) {
        this.settings = settings;
        this.node = node;
        this.keys = new Keys(settings.prefix(), node.id());
        RedisURI uri = RedisURI.create(settings.url());
        uri.setTimeout(settings.timeout());
        resources = DefaultClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(2)
                .reconnectDelay(
                        Delay.fullJitter(settings.reconnectMin(), settings.reconnectMax(), 2, TimeUnit.MILLISECONDS))
                .build();
        client = RedisClient.create(resources, uri);
        client.setOptions(options());
        link = new Link(node::connectionChanged);
        state = new SharedState(settings, keys, node, () -> commands, link::up);
        history = new History(keys, settings.timeout(), settings.nodeTimeout(), () -> commands, link::up);
        resources.eventBus().get().subscribe(event -> {
            if (event instanceof ConnectionActivatedEvent) {
                link.connectionActivated();
            } else if (event instanceof ConnectionDeactivatedEvent) {
                link.connectionDeactivated();
            }
        });
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "switchboard-redis-backplane");
            thread.setDaemon(true);
            return thread;
        });
        timer.execute(this::connect);
        timer.scheduleWithFixedDelay(this::heartbeat, beatNanos(), beatNanos(), TimeUnit.NANOSECONDS);
        LOG.info(() -> "Switchboard: the redis backplane connects to " + settings.safeUrl() + " as node " + node.id()
                + " (prefix " + settings.prefix() + ", node timeout "
                + settings.nodeTimeout().toMillis() + " ms)");
    }

    private ClientOptions options() {
        ClientOptions.Builder options = ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .requestQueueSize(settings.pending())
                .timeoutOptions(TimeoutOptions.enabled(settings.timeout()))
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(settings.timeout())
                        .keepAlive(true)
                        .build());
        settings.trustedCertificate()
                .ifPresent(pem -> options.sslOptions(
                        SslOptions.builder().trustManager(new File(pem)).build()));
        return options.build();
    }

    /**
     * Opens both connections. Lettuce reconnects an established connection by itself, but not a first connection
     * that failed: that is retried here, with the same backoff.
     */
    private void connect() {
        if (stopped) {
            return;
        }
        StatefulRedisConnection<String, byte[]> opened = null;
        StatefulRedisPubSubConnection<String, byte[]> listening = null;
        try {
            opened = client.connect(CODEC);
            listening = client.connectPubSub(CODEC);
            listening.addListener(new Listener());
            listening.sync().subscribe(keys.broadcastChannel(), keys.presenceChannel());
            commands = opened;
            heartbeat();
        } catch (RedisException e) {
            // Both or neither: a half-made pair would count as one active connection forever.
            if (opened != null) {
                opened.closeAsync();
            }
            if (listening != null) {
                listening.closeAsync();
            }
            if (connectAttempts++ == 0) {
                LOG.warning("Switchboard: the redis backplane cannot reach " + settings.safeUrl() + " ("
                        + e.getMessage() + "); broadcasts stay on this node until it can; retrying");
                node.connectionChanged(false);
            }
            long max = Math.min(
                    settings.reconnectMax().toMillis(),
                    settings.reconnectMin().toMillis() << Math.min(connectAttempts, 20));
            long delay = Math.max(
                    settings.reconnectMin().toMillis(),
                    ThreadLocalRandom.current().nextLong(max + 1));
            if (!stopped) {
                timer.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
            }
        }
    }

    /**
     * Refreshes this node's key, notices a lost entry, purges the nodes that stopped beating, and keeps the history of
     * the rooms this node has members in.
     */
    private void heartbeat() {
        StatefulRedisConnection<String, byte[]> connection = commands;
        if (connection == null || stopped) {
            return;
        }
        try {
            var sync = connection.sync();
            sync.set(
                    keys.node(),
                    SharedState.bytes("1"),
                    SetArgs.Builder.px(settings.nodeTimeout().toMillis()));
            boolean lost = sync.sadd(keys.nodes(), SharedState.bytes(node.id())) == 1;
            link.heartbeat(true);
            // A restore since the last beat already wrote everything (as the link came up): not lost, just new.
            if (lost && link.up() && !state.restoredWithin(beatNanos())) {
                LOG.info("Switchboard: the redis backplane found this node's entries gone (Redis flushed, or the node "
                        + "was silent longer than the node timeout); writing them again");
                restore();
            }
            for (byte[] other : sync.smembers(keys.nodes())) {
                String id = SharedState.text(other);
                if (!id.equals(node.id()) && sync.exists(keys.node(id)) == 0) {
                    state.purge(id);
                }
            }
            // After a restore, which is issued ahead of it on the same connection: the rooms are this node's again.
            history.keep(settings.nodeTimeout());
        } catch (RedisException e) {
            link.heartbeat(false);
            LOG.log(Level.FINE, "Switchboard: a redis backplane heartbeat failed", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Switchboard: a redis backplane heartbeat failed", e);
        }
    }

    private long beatNanos() {
        return TimeUnit.MILLISECONDS.toNanos(
                Math.max(100, settings.nodeTimeout().toMillis() / 3));
    }

    @Override
    public CompletionStage<Boolean> publish(ClusterBroadcast broadcast) {
        StatefulRedisConnection<String, byte[]> connection = commands;
        if (connection == null || !link.up()) {
            return CompletableFuture.completedFuture(false);
        }
        return connection
                .async()
                .publish(keys.broadcastChannel(), WireFormat.encode(broadcast))
                .handle((receivers, failure) -> failure == null);
    }

    @Override
    public void joined(ClusterMember member, String room) {
        state.joined(member, room);
    }

    @Override
    public void left(ClusterMember member, String room) {
        state.left(member, room);
    }

    @Override
    public CompletionStage<Set<ClusterMember>> members(String room) {
        return state.members(room);
    }

    @Override
    public CompletionStage<Set<String>> rooms() {
        return state.rooms();
    }

    @Override
    public int acquire(String key) {
        return state.acquire(key);
    }

    @Override
    public void release(String key) {
        state.release(key);
    }

    @Override
    public int count(String key) {
        return state.count(key);
    }

    @Override
    public void restore() {
        state.restore();
    }

    @Override
    public RoomPosition open(String room, int size, Duration ttl) {
        return started().open(room, size, ttl);
    }

    @Override
    public CompletionStage<Recorded> record(ClusterBroadcast broadcast, RoomPosition expected, int size, Duration ttl) {
        History current = history;
        if (current == null || stopped) {
            return CompletableFuture.failedFuture(notRunning());
        }
        return current.record(broadcast, expected, size, ttl.toMillis());
    }

    /** A record that leaves a room without history as it is: {@link #record(ClusterBroadcast, RoomPosition, int,
     * Duration)} with size 0. */
    CompletionStage<Recorded> record(ClusterBroadcast broadcast, RoomPosition expected) {
        return record(broadcast, expected, 0, Duration.ZERO);
    }

    @Override
    public Range read(String room, RoomPosition since) {
        return started().read(room, since);
    }

    private History started() {
        History current = history;
        if (current == null || stopped) {
            throw notRunning();
        }
        return current;
    }

    private static IllegalStateException notRunning() {
        return new IllegalStateException("Switchboard: the redis backplane is not running");
    }

    @Override
    public boolean connected() {
        Link current = link;
        return current != null && current.up();
    }

    @Override
    public void stop() {
        stopped = true;
        if (timer != null) {
            timer.shutdownNow();
        }
        if (commands != null && connected()) {
            try {
                // Leave at once rather than after the node timeout: the other nodes see this node's members go.
                state.leaveNow();
            } catch (RedisException e) {
                LOG.log(Level.FINE, "Switchboard: the redis backplane could not remove this node's entries", e);
            }
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
        if (resources != null) {
            resources.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    /**
     * Hands the other nodes' messages to this node, on the subscription's one thread; and this node's own
     * broadcasts, which {@link BackplaneNode#deliver} ignores unless they have a position.
     */
    private final class Listener extends RedisPubSubAdapter<String, byte[]> {
        @Override
        public void message(String channel, byte[] message) {
            try {
                if (channel.equals(keys.broadcastChannel())) {
                    node.deliver(WireFormat.decodeBroadcast(message));
                } else if (channel.equals(keys.presenceChannel())) {
                    WireFormat.PresenceChange change = WireFormat.decodePresence(message);
                    if (change.joined()) {
                        node.remoteJoined(change.member(), change.room());
                    } else {
                        node.remoteLeft(change.member(), change.room());
                    }
                }
            } catch (IllegalArgumentException e) {
                LOG.warning("Switchboard: the redis backplane ignored a message on " + channel + ": " + e.getMessage());
            }
        }
    }
}
