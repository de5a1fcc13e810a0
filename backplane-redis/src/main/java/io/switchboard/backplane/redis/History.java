package io.switchboard.backplane.redis;

import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.switchboard.RoomPosition;
import io.switchboard.spi.ClusterBroadcast;
import io.switchboard.spi.SharedHistory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Room history in Redis ({@link SharedHistory}): each room's epoch and latest offset in a hash, its recorded
 * broadcasts in a stream, both changed only by {@link Scripts#HISTORY_OPEN}, {@link Scripts#HISTORY_RECORD} and
 * {@link Scripts#HISTORY_READ} (their expiry also by {@link Scripts#HISTORY_KEEP} and {@link Scripts#LEAVE}, which
 * keep a room's history while nodes have members in it), so that giving out a position, recording the broadcast
 * and publishing it are one atomic step: Redis runs one script at a time and hands each subscriber the messages in
 * the order it published them, so every node receives a room's positioned broadcasts in the order of their
 * positions.
 *
 * <p>Every script goes as {@code EVAL} on the command connection, never as {@code EVALSHA} with a fallback: a
 * fallback would run a record after records asked for later, where Redis had lost its script cache. Records are
 * issued without waiting, in the order asked (one connection, one pipeline), and bounded by {@code max-pending} like
 * every command; {@link #open} and {@link #read} wait at most the command timeout. While the link is down everything
 * fails at once. A record that timed out may still be run by a Redis that was only slow: its outcome is then
 * unknown, not "nothing published".
 */
final class History {

    private static final byte[] NONE = new byte[0];

    /** About how many rooms one run of {@link Scripts#HISTORY_KEEP} looks at, so none holds Redis for long. */
    static final int KEEP_STEP = 500;

    private final Keys keys;
    private final Duration timeout;
    /** The node timeout: how long a room this node has members in keeps its history at least, between heartbeats. */
    private final long heldMillis;

    private final Supplier<StatefulRedisConnection<String, byte[]>> connections;
    private final BooleanSupplier up;

    History(
            Keys keys,
            Duration timeout,
            Duration nodeTimeout,
            Supplier<StatefulRedisConnection<String, byte[]>> connections,
            BooleanSupplier up) {
        this.keys = keys;
        this.timeout = timeout;
        this.heldMillis = nodeTimeout.toMillis();
        this.connections = connections;
        this.up = up;
    }

    RoomPosition open(String room, int size, Duration ttl) {
        Objects.requireNonNull(room, "room");
        if (size < 1) {
            throw new IllegalArgumentException("a room history keeps at least one broadcast, not " + size);
        }
        long ttlMillis = ttl.toMillis();
        if (ttlMillis < 1) {
            throw new IllegalArgumentException("a room history's ttl is at least 1 ms, not " + ttl);
        }
        List<Object> reply = run(
                Scripts.HISTORY_OPEN,
                "open a room's history",
                new String[] {keys.historyMeta(room), keys.history(room)},
                bytes(newEpoch()),
                bytes(Integer.toString(size)),
                bytes(Long.toString(ttlMillis)),
                bytes(Long.toString(heldMillis)));
        return position(reply, 0);
    }

    CompletionStage<SharedHistory.Recorded> record(
            ClusterBroadcast broadcast, RoomPosition expected, int size, long ttlMillis) {
        if (broadcast.audience() != ClusterBroadcast.Audience.ROOM) {
            throw new IllegalArgumentException("only a room broadcast is recorded, not one to " + broadcast.audience());
        }
        String what = "record a broadcast";
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null || !up.getAsBoolean()) {
            return CompletableFuture.failedFuture(notConnected(what));
        }
        ClusterBroadcast plain = broadcast.position() == null ? broadcast : broadcast.at(null);
        RedisFuture<List<Object>> reply;
        try {
            reply = connection
                    .async()
                    .eval(
                            Scripts.HISTORY_RECORD,
                            ScriptOutputType.MULTI,
                            new String[] {keys.historyMeta(broadcast.target()), keys.history(broadcast.target())},
                            bytes(keys.broadcastChannel()),
                            WireFormat.encode(plain),
                            expected == null ? NONE : bytes(expected.epoch()),
                            expected == null ? NONE : bytes(Long.toString(expected.offset())),
                            bytes(Integer.toString(size)),
                            bytes(Long.toString(ttlMillis)),
                            bytes(newEpoch()),
                            bytes(Long.toString(size > 0 ? heldMillis : 0)));
        } catch (RedisException e) {
            return CompletableFuture.failedFuture(failed(what, e));
        }
        // Completed on Lettuce's I/O thread, in the order Redis answered, which is the order asked.
        CompletableFuture<SharedHistory.Recorded> result = new CompletableFuture<>();
        reply.whenComplete((answer, failure) -> {
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause()
                        : failure;
                result.completeExceptionally(failed(what, cause));
                return;
            }
            try {
                result.complete(recorded(answer));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The record script's answer: {@code recorded}, {@code plain}, {@code next} or {@code no-history}. */
    private static SharedHistory.Recorded recorded(List<Object> answer) {
        String outcome = answer.isEmpty() ? "" : text(answer.get(0));
        return switch (outcome) {
            case "recorded" -> new SharedHistory.Recorded(true, position(answer, 1), null);
            case "plain" -> new SharedHistory.Recorded(true, null, null);
            case "next" -> new SharedHistory.Recorded(false, null, position(answer, 1));
            case "no-history" -> new SharedHistory.Recorded(false, null, null);
            default ->
                throw new IllegalStateException(
                        "Switchboard: the redis backplane got an unexpected answer recording a broadcast");
        };
    }

    SharedHistory.Range read(String room, RoomPosition since) {
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(since, "since");
        List<Object> reply = run(
                Scripts.HISTORY_READ,
                "read a room's history",
                new String[] {keys.historyMeta(room), keys.history(room)},
                bytes(since.epoch()),
                bytes("0-" + (since.offset() + 1)));
        if (reply.isEmpty()) {
            return new SharedHistory.Range(null, 0, List.of());
        }
        RoomPosition latest = position(reply, 0);
        long firstKept = number(reply.get(2));
        List<ClusterBroadcast> broadcasts = new ArrayList<>(reply.size() - 3);
        for (Object frame : reply.subList(3, reply.size())) {
            try {
                broadcasts.add(WireFormat.decodeBroadcast((byte[]) frame));
            } catch (IllegalArgumentException | ClassCastException e) {
                throw new IllegalStateException(
                        "Switchboard: the redis backplane found an unreadable entry in a room's history", e);
            }
        }
        return new SharedHistory.Range(latest, firstKept, broadcasts);
    }

    /**
     * Keeps the history of every room this node has members in for at least the greater of its ttl and
     * {@code least} ({@link Scripts#HISTORY_KEEP}), in steps of {@link #KEEP_STEP} rooms. Called by the heartbeat,
     * on its thread; throws what Lettuce throws.
     *
     * @param least the node timeout: how long a node with members may go without a heartbeat before it counts as
     *              gone
     * @return how many rooms' histories were kept
     */
    int keep(Duration least) {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null || !up.getAsBoolean()) {
            return 0;
        }
        var sync = connection.sync();
        byte[] prefix = bytes(keys.prefix());
        byte[] leastMillis = bytes(Long.toString(least.toMillis()));
        byte[] step = bytes(Integer.toString(KEEP_STEP));
        String cursor = "0";
        int kept = 0;
        do {
            List<Object> reply = sync.eval(
                    Scripts.HISTORY_KEEP,
                    ScriptOutputType.MULTI,
                    new String[] {keys.nodeRooms()},
                    prefix,
                    leastMillis,
                    bytes(cursor),
                    step);
            cursor = text(reply.get(0));
            kept += (int) number(reply.get(1));
        } while (!cursor.equals("0"));
        return kept;
    }

    /** Runs a script on the command connection, waiting at most the timeout, as {@link ScriptOutputType#MULTI}. */
    private List<Object> run(String script, String what, String[] keyNames, byte[]... arguments) {
        StatefulRedisConnection<String, byte[]> connection = connections.get();
        if (connection == null || !up.getAsBoolean()) {
            throw notConnected(what);
        }
        RedisFuture<List<Object>> reply = null;
        try {
            reply = connection.async().eval(script, ScriptOutputType.MULTI, keyNames, arguments);
            return reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RedisException e) {
            throw failed(what, e);
        } catch (ExecutionException e) {
            throw failed(what, e.getCause() == null ? e : e.getCause());
        } catch (TimeoutException e) {
            reply.cancel(false);
            throw new IllegalStateException("Switchboard: the redis backplane could not " + what + ": no answer within "
                    + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Switchboard: the redis backplane could not " + what + ": interrupted", e);
        }
    }

    private static IllegalStateException notConnected(String what) {
        return new IllegalStateException(
                "Switchboard: the redis backplane could not " + what + ": it is not connected");
    }

    /** Redis's or Lettuce's message: neither repeats the URL's password. */
    private static IllegalStateException failed(String what, Throwable cause) {
        return new IllegalStateException(
                "Switchboard: the redis backplane could not " + what + ": " + cause.getMessage(), cause);
    }

    private static RoomPosition position(List<Object> reply, int from) {
        if (reply.size() < from + 2) {
            throw new IllegalStateException("Switchboard: the redis backplane got an unexpected answer from Redis");
        }
        return new RoomPosition(text(reply.get(from)), number(reply.get(from + 1)));
    }

    private static long number(Object value) {
        return value instanceof Long number ? number : Long.parseLong(text(value));
    }

    private static String text(Object value) {
        return value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : String.valueOf(value);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh epoch: 63 random bits in lower-case base 36, as the impl's in-memory history makes them. */
    static String newEpoch() {
        return Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }
}
