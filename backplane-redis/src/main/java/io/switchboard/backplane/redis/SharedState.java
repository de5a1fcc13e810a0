package io.switchboard.backplane.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.switchboard.ClusterMember;
import io.switchboard.spi.Backplane;
import io.switchboard.spi.BackplaneNode;
import io.switchboard.spi.Presence;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * What the nodes share in Redis: room membership and per-principal counts, changed by {@link Scripts} on the
 * command connection. Every change is issued under one lock, so this node's changes reach Redis in the order they
 * happened here, and a {@link #restore} (purge and rewrite) neither overtakes a join issued before it nor is
 * overtaken by one issued after; waiting for an answer happens outside the lock.
 */
final class SharedState {

    private static final Logger LOG = Logger.getLogger(SharedState.class.getName());

    private final RedisSettings settings;
    private final Keys keys;
    private final BackplaneNode node;
    private final Supplier<StatefulRedisConnection<String, byte[]>> connections;
    private final BooleanSupplier up;
    private final Object presenceLock = new Object();
    /** {@link System#nanoTime()} of the last {@link #restore}. */
    private volatile long restoredAt = System.nanoTime() - TimeUnit.DAYS.toNanos(1);

    SharedState(
            RedisSettings settings,
            Keys keys,
            BackplaneNode node,
            Supplier<StatefulRedisConnection<String, byte[]>> connections,
            BooleanSupplier up) {
        this.settings = settings;
        this.keys = keys;
        this.node = node;
        this.connections = connections;
        this.up = up;
    }

    /** Whether a restore was issued within the last {@code nanos}. */
    boolean restoredWithin(long nanos) {
        return System.nanoTime() - restoredAt <= nanos;
    }

    /** Removes a silent node's members and counts, and tells every node which members left. */
    void purge(String deadNode) {
        List<Object> removed = connections
                .get()
                .sync()
                .eval(Scripts.PURGE, ScriptOutputType.MULTI, new String[0], bytes(settings.prefix()), bytes(deadNode));
        if (removed.isEmpty()) {
            return;
        }
        LOG.info(() -> "Switchboard: node " + deadNode + " stopped beating; removed its " + removed.size() / 3
                + " room memberships");
        if (node.presenceEvents()) {
            for (int i = 0; i + 2 < removed.size(); i += 3) {
                ClusterMember member =
                        WireFormat.member(text((byte[]) removed.get(i + 1)), text((byte[]) removed.get(i + 2)));
                announce(false, member, text((byte[]) removed.get(i)));
            }
        }
    }

    void joined(ClusterMember member, String room) {
        changed(member, room, true);
    }

    void left(ClusterMember member, String room) {
        changed(member, room, false);
    }

    /** Writes whether the member is in the room now, whichever change called: see {@link Backplane}. */
    private void changed(ClusterMember member, String room, boolean joined) {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null) {
            return;
        }
        synchronized (presenceLock) {
            write(connection, member, room, node.inRoom(member.sessionId(), room));
            if (node.presenceEvents()) {
                announce(joined, member, room);
            }
        }
    }

    private void write(
            StatefulRedisConnection<String, byte[]> connection, ClusterMember member, String room, boolean isMember) {
        if (isMember) {
            connection
                    .async()
                    .eval(
                            Scripts.JOIN,
                            ScriptOutputType.INTEGER,
                            new String[] {keys.room(room), keys.rooms(), keys.nodeRooms(), keys.nodeMembers()},
                            bytes(WireFormat.field(member)),
                            bytes(WireFormat.value(member)),
                            bytes(room));
        } else {
            connection
                    .async()
                    .eval(
                            Scripts.LEAVE,
                            ScriptOutputType.INTEGER,
                            new String[] {
                                keys.room(room),
                                keys.rooms(),
                                keys.nodeRooms(),
                                keys.nodeMembers(),
                                keys.historyMeta(room),
                                keys.history(room)
                            },
                            bytes(WireFormat.field(member)),
                            bytes(room));
        }
    }

    private void announce(boolean joined, ClusterMember member, String room) {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection != null) {
            connection
                    .async()
                    .publish(
                            keys.presenceChannel(),
                            WireFormat.encode(new WireFormat.PresenceChange(joined, member, room)));
        }
    }

    CompletionStage<Set<ClusterMember>> members(String room) {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null) {
            return CompletableFuture.failedFuture(unreachable());
        }
        return connection.async().hgetall(keys.room(room)).thenApply(SharedState::members);
    }

    private static Set<ClusterMember> members(Map<String, byte[]> entries) {
        Set<ClusterMember> members = new HashSet<>();
        entries.forEach((field, value) -> members.add(WireFormat.member(field, text(value))));
        return Set.copyOf(members);
    }

    CompletionStage<Set<String>> rooms() {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null) {
            return CompletableFuture.failedFuture(unreachable());
        }
        return connection.async().smembers(keys.rooms()).thenApply(names -> {
            Set<String> rooms = new HashSet<>();
            names.forEach(name -> rooms.add(text(name)));
            return Set.copyOf(rooms);
        });
    }

    int acquire(String key) {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null || !up.getAsBoolean()) {
            return -1;
        }
        RedisFuture<Long> total;
        synchronized (presenceLock) {
            // Issued in order with joins and restores; waited for outside the lock.
            total = writeCount(connection, key, node.heldHere(key));
        }
        try {
            return total.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS)
                    .intValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (ExecutionException | TimeoutException e) {
            return -1;
        }
    }

    void release(String key) {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null) {
            return;
        }
        synchronized (presenceLock) {
            writeCount(connection, key, node.heldHere(key));
        }
    }

    private RedisFuture<Long> writeCount(StatefulRedisConnection<String, byte[]> connection, String key, int held) {
        return connection
                .async()
                .eval(
                        Scripts.COUNT,
                        ScriptOutputType.INTEGER,
                        new String[] {keys.count(key), keys.nodeCounts()},
                        bytes(node.id()),
                        bytes(key),
                        bytes(Integer.toString(held)));
    }

    int count(String key) {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null || !up.getAsBoolean()) {
            return -1;
        }
        try {
            int total = 0;
            for (byte[] part : connection.sync().hvals(keys.count(key))) {
                total += Integer.parseInt(text(part));
            }
            return total;
        } catch (RedisException | NumberFormatException e) {
            return -1;
        }
    }

    /** Replaces this node's entries with what it holds, read under the lock (see {@link Backplane}). */
    void restore() {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null) {
            return;
        }
        synchronized (presenceLock) {
            restoredAt = System.nanoTime();
            Presence presence = node.presence();
            var async = connection.async();
            async.eval(
                    Scripts.PURGE, ScriptOutputType.MULTI, new String[0], bytes(settings.prefix()), bytes(node.id()));
            presence.rooms()
                    .forEach((room, members) -> members.forEach(member -> write(connection, member, room, true)));
            presence.counts().forEach((key, count) -> writeCount(connection, key, count));
            async.set(
                    keys.node(),
                    bytes("1"),
                    SetArgs.Builder.px(settings.nodeTimeout().toMillis()));
            async.sadd(keys.nodes(), bytes(node.id()));
        }
    }

    /** Removes this node's entries at once, rather than after the node timeout. Blocks up to the command timeout. */
    void leaveNow() {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        connection
                .sync()
                .eval(Scripts.PURGE, ScriptOutputType.MULTI, new String[0], bytes(settings.prefix()), bytes(node.id()));
        connection.sync().del(keys.node());
    }

    static IllegalStateException unreachable() {
        return new IllegalStateException("Switchboard: the redis backplane is not connected");
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
