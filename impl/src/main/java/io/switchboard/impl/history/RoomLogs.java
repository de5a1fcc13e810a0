package io.switchboard.impl.history;

import io.switchboard.impl.config.HistorySettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The deployment's room histories in memory, by room name. A room gets its log when a session of an endpoint with
 * history joins it, and keeps it while it has members or was used (a broadcast, a join, a resume) within the log's
 * ttl; a log made again after that has a new epoch, so positions of the old one no longer resume.
 */
@ApplicationScoped
public class RoomLogs {

    /** Unused logs are looked for after this many opens. */
    private static final int SWEEP_EVERY = 256;

    private final ConcurrentMap<String, RoomLog> logs = new ConcurrentHashMap<>();
    private final AtomicInteger opensSinceSweep = new AtomicInteger();

    /**
     * The log of a room, made if it has none (or only an unused one).
     *
     * @param room     the room
     * @param settings the bounds of a new log
     * @param now      the time, in milliseconds
     * @return the log, marked used
     */
    public RoomLog open(String room, HistorySettings settings, long now) {
        RoomLog log = logs.compute(
                room,
                (name, found) -> found == null || found.unusedAt(now) ? new RoomLog(newEpoch(), settings, now) : found);
        log.touch(now);
        return log;
    }

    /**
     * The log of a room, if it has one.
     *
     * @param room the room
     * @return the log, or {@code null}
     */
    public RoomLog find(String room) {
        return logs.get(room);
    }

    /**
     * Now and then, drops the logs of rooms without members that were not used within their ttl.
     *
     * @param hasMembers whether a room has members on this node
     * @param now        the time, in milliseconds
     */
    public void sweepNowAndThen(Predicate<String> hasMembers, long now) {
        if (opensSinceSweep.incrementAndGet() % SWEEP_EVERY != 0) {
            return;
        }
        logs.forEach((room, log) -> {
            if (log.unusedAt(now) && !hasMembers.test(room)) {
                logs.remove(room, log);
            }
        });
    }

    /** How many rooms keep history now. */
    public int count() {
        return logs.size();
    }

    /** A fresh epoch: 63 random bits in base 36, so two logs of one room never share one. */
    static String newEpoch() {
        return Long.toString(ThreadLocalRandom.current().nextLong() >>> 1, 36);
    }
}
