package io.switchboard.impl.history;

import io.switchboard.RecordedMessages;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery.Outcome;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.delivery.Payload;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One room's history in this node's memory: its epoch, and its latest broadcasts, each with the offset it got,
 * bounded by count, bytes and age. Every method takes the time, so the bounds are tested with a fake clock. All
 * methods lock the log; the room registry holds the same lock across an append and the queueing of that broadcast,
 * and across a join and its replay.
 */
public final class RoomLog {

    /** One kept broadcast. */
    public record Entry(long offset, long atMillis, Payload payload) {}

    /**
     * What a resume from a position finds.
     *
     * @param outcome {@code RECOVERED} with the entries to replay, else why not
     * @param entries the broadcasts after the position, oldest first; empty unless recovered
     * @param latest  the log's latest position
     */
    public record Replay(Outcome outcome, List<Entry> entries, RoomPosition latest) {}

    private final String epoch;
    private final HistorySettings limits;
    // Guarded by this.
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;
    private long latestOffset;
    private long lastUsedMillis;

    /**
     * @param epoch  the epoch of this log's positions: a new one for every log
     * @param limits its bounds
     * @param now    the time it is created, in milliseconds
     */
    public RoomLog(String epoch, HistorySettings limits, long now) {
        this.epoch = epoch;
        this.limits = limits;
        this.lastUsedMillis = now;
    }

    /** The log's bounds. */
    public HistorySettings limits() {
        return limits;
    }

    /**
     * The position the next broadcast will get.
     *
     * @return the position after the latest
     */
    public synchronized RoomPosition next() {
        return new RoomPosition(epoch, latestOffset + 1);
    }

    /**
     * Records a broadcast, dropping the oldest ones beyond the bounds; a broadcast larger than the byte bound, or
     * one without a payload, takes its offset but is not kept.
     *
     * @param payload the message as sent, or {@code null} for one that could not be encoded
     * @param now     the time, in milliseconds
     * @return its position
     */
    public synchronized RoomPosition append(Payload payload, long now) {
        latestOffset++;
        lastUsedMillis = now;
        if (payload == null) {
            return new RoomPosition(epoch, latestOffset);
        }
        entries.addLast(new Entry(latestOffset, now, payload));
        bytes += payload.size();
        while (!entries.isEmpty() && (entries.size() > limits.size() || bytes > limits.maxBytes())) {
            bytes -= entries.removeFirst().payload().size();
        }
        return new RoomPosition(epoch, latestOffset);
    }

    /**
     * What a session that saw everything up to a position missed.
     *
     * @param since the last position it saw
     * @param now   the time, in milliseconds
     * @return the entries after it, or why they cannot all be had
     */
    public synchronized Replay since(RoomPosition since, long now) {
        expire(now);
        lastUsedMillis = now;
        RoomPosition latest = latest();
        if (!since.epoch().equals(epoch)) {
            return new Replay(Outcome.OTHER_EPOCH, List.of(), latest);
        }
        if (since.offset() > latestOffset) {
            return new Replay(Outcome.AHEAD, List.of(), latest);
        }
        long firstKept =
                entries.isEmpty() ? latestOffset + 1 : entries.getFirst().offset();
        if (since.offset() < firstKept - 1) {
            return new Replay(Outcome.TOO_OLD, List.of(), latest);
        }
        List<Entry> missed = new ArrayList<>((int) (latestOffset - since.offset()));
        for (Entry entry : entries) {
            if (entry.offset() > since.offset()) {
                missed.add(entry);
            }
        }
        return new Replay(Outcome.RECOVERED, missed, latest);
    }

    /**
     * Reads the log for an application.
     *
     * @param since the last position already seen, or {@code null} for everything kept
     * @param now   the time, in milliseconds
     * @return the broadcasts after it
     */
    public synchronized RecordedMessages read(RoomPosition since, long now) {
        Replay replay = since == null ? null : since(since, now);
        if (replay != null && replay.outcome() == Outcome.RECOVERED) {
            return new RecordedMessages(true, messages(replay.entries()), replay.latest());
        }
        expire(now);
        boolean complete = since == null
                && (entries.isEmpty() ? latestOffset == 0 : entries.getFirst().offset() == 1);
        return new RecordedMessages(complete, messages(entries), latest());
    }

    /**
     * Marks the log used (a member joined), so that it outlives its ttl from now.
     *
     * @param now the time, in milliseconds
     */
    public synchronized void touch(long now) {
        lastUsedMillis = now;
    }

    /**
     * Whether nothing was broadcast to the room or joined it for its ttl: the log may go.
     *
     * @param now the time, in milliseconds
     * @return whether it is unused
     */
    public synchronized boolean unusedAt(long now) {
        return now - lastUsedMillis >= limits.ttl().toMillis();
    }

    /** The latest position: the epoch and the offset of the latest broadcast (0 before the first). */
    public synchronized RoomPosition latest() {
        return new RoomPosition(epoch, latestOffset);
    }

    /** How many broadcasts are kept now (for tests and the log). */
    public synchronized int size() {
        return entries.size();
    }

    /** How many bytes are kept now. */
    public synchronized long bytes() {
        return bytes;
    }

    private void expire(long now) {
        long oldest = now - limits.ttl().toMillis();
        while (!entries.isEmpty() && entries.getFirst().atMillis() <= oldest) {
            bytes -= entries.removeFirst().payload().size();
        }
    }

    private List<RecordedMessages.Message> messages(Iterable<Entry> kept) {
        List<RecordedMessages.Message> messages = new ArrayList<>();
        for (Entry entry : kept) {
            Payload payload = entry.payload();
            ByteBuffer binary = payload.isText() ? null : payload.binary();
            messages.add(new RecordedMessages.Message(
                    new RoomPosition(epoch, entry.offset()),
                    Instant.ofEpochMilli(entry.atMillis()),
                    payload.isText() ? payload.text() : null,
                    binary));
        }
        return messages;
    }
}
