package io.switchboard.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * One client of the resume scenarios, as a real one behaves: it keeps the position of the last broadcast it saw
 * (each message ends with {@code ,<epoch>:<offset>}), and when its connection ends it connects again after a
 * random delay (uniform between 0 and the jitter; the same again after each failed attempt), naming its last
 * position ({@code ?switchboard-since=}) or not, as its scenario says. A message that starts with {@code S} is a
 * snapshot: one broadcast a line.
 *
 * <p>What it measures: after the cut, it is <b>caught up</b> once it holds every broadcast from the one after its
 * last position before the cut up to the latest one the publisher had been told of when its new connection
 * opened ({@link Acks}), with no gap, whatever order they came in (a snapshot may arrive behind live broadcasts);
 * sent a snapshot that starts later than that, it holds from the snapshot's first broadcast on, and the ones before
 * it count as lost. It counts the payload bytes it received on its new connection until then.
 *
 * <p>Thread-safe: its connections' events arrive on event loop threads, its reconnects on the scheduler's.
 */
public final class ResumeClient {

    /** Where a client stands. */
    public enum Phase {
        /** Opening its first connection. */
        CONNECTING,
        /** Connected, receiving live broadcasts: before the cut. */
        STEADY,
        /** Its connection ended; connecting again. */
        CUT,
        /** Connected again, not caught up yet. */
        CATCHING_UP,
        /** Caught up. */
        LIVE,
        /** Stopped by the load generator. */
        STOPPED
    }

    /** The latest position the publisher was told of, per room: what a client must have to be caught up. */
    public interface Acks {
        /**
         * @param room the room's index
         * @return the offset of the latest broadcast to it acknowledged so far
         */
        long latest(int room);
    }

    /** What the round is told. */
    @FunctionalInterface
    public interface Progress {
        /**
         * A client caught up (called once per cut, on an event loop thread, the client locked).
         *
         * @param client the client
         */
        void caughtUp(ResumeClient client);
    }

    private final ClientGroup clients;
    private final URI uri;
    private final int room;
    private final boolean resume;
    private final long jitterNanos;
    private final ScheduledExecutorService scheduler;
    private final Acks acks;
    private final Progress progress;
    private final CompletableFuture<ResumeClient> opened = new CompletableFuture<>();

    // All guarded by this.
    private Phase phase = Phase.CONNECTING;
    private Attempt current;
    private Channel channel;
    private String epoch;
    /** The next offset it needs: every one before it is held. */
    private long next = 1;

    private final TreeSet<Long> pending = new TreeSet<>();
    private long lastBeforeCut;
    private long target;
    private long closedAt;
    private long connectedAt;
    private long caughtUpAt;
    private long catchUpBytes;
    private int attempts;
    private int failedAttempts;
    private int closesAfterReconnect;
    private long gapsBeforeCut;
    private long duplicates;
    private String firstDuplicate;
    private boolean inSnapshot;
    private long lost;
    private long epochChanges;

    /**
     * @param clients     the connections' event loops
     * @param uri         {@code ws://127.0.0.1:<port>/bench/resume/<room>}, without a query
     * @param room        the room's index, for {@link Acks}
     * @param resume      whether it names its last position when it connects again
     * @param jitterNanos the most it waits before each attempt to connect again
     * @param scheduler   where its reconnects wait
     * @param acks        the publisher's acknowledged positions
     * @param progress    what the round is told
     */
    public ResumeClient(
            ClientGroup clients,
            URI uri,
            int room,
            boolean resume,
            long jitterNanos,
            ScheduledExecutorService scheduler,
            Acks acks,
            Progress progress) {
        this.clients = clients;
        this.uri = uri;
        this.room = room;
        this.resume = resume;
        this.jitterNanos = jitterNanos;
        this.scheduler = scheduler;
        this.acks = acks;
        this.progress = progress;
    }

    /** Opens its first connection; the stage completes when it is open, exceptionally if the attempt failed. */
    public CompletableFuture<ResumeClient> connect() {
        attempt(uri);
        return opened;
    }

    /** Stops it: its connection is closed and it connects no more. */
    public synchronized Channel stop() {
        phase = Phase.STOPPED;
        Channel open = channel;
        if (open != null) {
            open.close();
        }
        return open;
    }

    private void attempt(URI target) {
        Attempt attempt;
        synchronized (this) {
            if (phase == Phase.STOPPED) {
                return;
            }
            attempt = new Attempt();
            current = attempt;
            attempts++;
        }
        clients.connect(target, attempt, 0).whenComplete((c, failure) -> attempt.opened(c, failure));
    }

    private void reconnectLater() {
        long delay = ThreadLocalRandom.current().nextLong(Math.max(1, jitterNanos));
        scheduler.schedule(this::reconnect, delay, TimeUnit.NANOSECONDS);
    }

    private void reconnect() {
        URI target;
        synchronized (this) {
            if (phase == Phase.STOPPED) {
                return;
            }
            target = resume && epoch != null ? URI.create(uri + "?switchboard-since=" + epoch + ":" + (next - 1)) : uri;
        }
        attempt(target);
    }

    /** One connection attempt, and the connection it opened. */
    private final class Attempt implements TextListener {
        private boolean open;

        void opened(Channel c, Throwable failure) {
            synchronized (ResumeClient.this) {
                if (this != current || phase == Phase.STOPPED) {
                    if (c != null) {
                        c.close();
                    }
                    return;
                }
                if (failure != null) {
                    failedAttempts++;
                    if (phase == Phase.CONNECTING) {
                        opened.completeExceptionally(failure);
                    } else {
                        reconnectLater();
                    }
                    return;
                }
                channel = c;
                markOpen(System.nanoTime());
            }
        }

        /** Called with the client locked, once, when the handshake completed or the first message came. */
        private void markOpen(long now) {
            if (open) {
                return;
            }
            open = true;
            if (phase == Phase.CONNECTING) {
                phase = Phase.STEADY;
                opened.complete(ResumeClient.this);
            } else if (phase == Phase.CUT) {
                connectedAt = now;
                target = acks.latest(room);
                phase = Phase.CATCHING_UP;
                checkCaughtUp(now);
            }
        }

        @Override
        public void onText(ByteBuf content) {
            long now = System.nanoTime();
            int length = content.readableBytes();
            synchronized (ResumeClient.this) {
                if (this != current || phase == Phase.STOPPED) {
                    return;
                }
                markOpen(now);
                if (phase == Phase.CATCHING_UP) {
                    catchUpBytes += length;
                }
                if (content.getByte(content.readerIndex()) == 'S') {
                    snapshot(content.toString(StandardCharsets.US_ASCII)
                            .substring(1)
                            .split("\n"));
                } else {
                    int end = content.writerIndex();
                    // Backwards from the end: the position follows the last comma.
                    int from = Math.max(
                            content.readerIndex(), content.indexOf(end, content.readerIndex(), (byte) ',') + 1);
                    accept(content.toString(from, end - from, StandardCharsets.US_ASCII));
                }
                checkCaughtUp(now);
            }
        }

        @Override
        public void onClosed(int code) {
            synchronized (ResumeClient.this) {
                if (this != current || !open || phase == Phase.STOPPED) {
                    return;
                }
                channel = null;
                if (phase == Phase.STEADY) {
                    closedAt = System.nanoTime();
                    lastBeforeCut = next - 1;
                } else {
                    // Cut again after it had reconnected (say, closed with 1013): counted; it connects again.
                    closesAfterReconnect++;
                }
                phase = Phase.CUT;
                pending.clear();
                reconnectLater();
            }
        }
    }

    /**
     * A snapshot: the broadcasts it holds, oldest first. A client that missed more than it holds cannot have what came
     * before its first line: it takes the snapshot as its state from there, and those broadcasts count as lost.
     */
    private void snapshot(String[] lines) {
        inSnapshot = true;
        try {
            snapshotLines(lines);
        } finally {
            inSnapshot = false;
        }
    }

    private void snapshotLines(String[] lines) {
        boolean first = true;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            int colon = line.lastIndexOf(':');
            long offset = Long.parseLong(line.substring(colon + 1));
            String e = line.substring(line.lastIndexOf(',', colon) + 1, colon);
            if (first && phase == Phase.CATCHING_UP && e.equals(epoch) && offset > next) {
                lost += offset - next;
                next = offset;
                pending.headSet(offset).clear();
            }
            first = false;
            accept(e, offset);
        }
    }

    /** One broadcast's text, which ends with its position ({@code ,<epoch>:<offset>}). */
    private void accept(String text) {
        int comma = text.lastIndexOf(',');
        String position = comma < 0 ? text : text.substring(comma + 1);
        int colon = position.indexOf(':');
        if (colon < 0) {
            return; // a room without history: no position
        }
        accept(position.substring(0, colon), Long.parseLong(position.substring(colon + 1)));
    }

    private void accept(String e, long offset) {
        if (epoch == null) {
            epoch = e;
        } else if (!epoch.equals(e)) {
            // History was lost: positions start again; nothing before can be checked.
            epochChanges++;
            epoch = e;
            next = offset;
            pending.clear();
        }
        if (phase == Phase.STEADY) {
            if (offset > next) {
                gapsBeforeCut += offset - next;
            }
            if (offset >= next) {
                next = offset + 1;
            } else {
                duplicate(offset);
            }
        } else if (offset < next) {
            duplicate(offset);
        } else if (offset == next) {
            next++;
            while (pending.remove(next)) {
                next++;
            }
        } else {
            pending.add(offset);
        }
    }

    private void duplicate(long offset) {
        duplicates++;
        if (firstDuplicate == null) {
            firstDuplicate = String.format(
                    "offset %d received again (%s, next %d, last before the cut %d, target %d, attempt %d, closed "
                            + "again %d times, %s snapshot, %.1f ms after its connection opened)",
                    offset,
                    phase,
                    next,
                    lastBeforeCut,
                    target,
                    attempts,
                    closesAfterReconnect,
                    inSnapshot ? "in a" : "not in a",
                    (System.nanoTime() - connectedAt) / 1e6);
        }
    }

    private void checkCaughtUp(long now) {
        if (phase == Phase.CATCHING_UP && next > target) {
            phase = Phase.LIVE;
            if (caughtUpAt == 0) {
                caughtUpAt = now;
                progress.caughtUp(this);
            }
        }
    }

    /** Where it stands. */
    public synchronized Phase phase() {
        return phase;
    }

    /** The offset of the last broadcast it held when its connection was cut. */
    public synchronized long lastBeforeCut() {
        return lastBeforeCut;
    }

    /** The offset it had to reach to be caught up: the latest acknowledged as its new connection opened. */
    public synchronized long target() {
        return target;
    }

    /** {@code nanoTime} its connection was cut (it saw the close or the reset). */
    public synchronized long closedAt() {
        return closedAt;
    }

    /** {@code nanoTime} its new connection opened (its last one, if it was cut again). */
    public synchronized long connectedAt() {
        return connectedAt;
    }

    /** {@code nanoTime} it first caught up after the cut; 0 if it has not. */
    public synchronized long caughtUpAt() {
        return caughtUpAt;
    }

    /** Payload bytes it received on its new connection until it caught up. */
    public synchronized long catchUpBytes() {
        return catchUpBytes;
    }

    /** Connection attempts, the first included. */
    public synchronized int attempts() {
        return attempts;
    }

    /** Attempts that failed (refused, or the handshake failed). */
    public synchronized int failedAttempts() {
        return failedAttempts;
    }

    /** Times its new connection ended again before the round was over. */
    public synchronized int closesAfterReconnect() {
        return closesAfterReconnect;
    }

    /** Broadcasts it missed before the cut (none expected). */
    public synchronized long gapsBeforeCut() {
        return gapsBeforeCut;
    }

    /** Broadcasts it received twice (a snapshot may repeat what came live). */
    public synchronized long duplicates() {
        return duplicates;
    }

    /** Where it stands, for the log of a client that did not catch up. */
    public synchronized String describe() {
        return String.format(
                "%s, next %d, target %d, last before the cut %d, %d pending (first %s), %d attempts, closed again %d "
                        + "times, %d lost, connected %s",
                phase,
                next,
                target,
                lastBeforeCut,
                pending.size(),
                pending.isEmpty() ? "–" : pending.first(),
                attempts,
                closesAfterReconnect,
                lost,
                channel == null ? "no" : "yes");
    }

    /** What its first duplicate was, for the log; {@code null} if it had none. */
    public synchronized String firstDuplicate() {
        return firstDuplicate;
    }

    /** Broadcasts it never got: older than the snapshot it was sent instead of them. */
    public synchronized long lost() {
        return lost;
    }

    /** Times the epoch changed under it (history lost). */
    public synchronized long epochChanges() {
        return epochChanges;
    }
}
