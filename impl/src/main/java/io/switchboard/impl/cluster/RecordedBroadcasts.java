package io.switchboard.impl.cluster;

import io.switchboard.DeliveryReport;
import io.switchboard.RoomPosition;
import io.switchboard.impl.config.HistorySettings;
import io.switchboard.impl.delivery.Recipient;
import io.switchboard.spi.ClusterBroadcast;
import io.switchboard.spi.ClusterBroadcast.Audience;
import io.switchboard.spi.SharedHistory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Room broadcasts through a backplane that keeps room history ({@link SharedHistory}). Every room broadcast is handed
 * to the backplane, which records it if the room keeps history and publishes it. A recorded broadcast reaches this
 * node's members as it comes back from the backplane, like every other node's, so that every member of the room on
 * every node receives the room's broadcasts in the order of their positions; one published without a position is
 * delivered here once the backplane answered. While the backplane cannot answer, broadcasts reach this node's members
 * only, without a position.
 *
 * <p>The sending node recognises its own broadcasts as they come back by a ticket in their origin, which carries the
 * member left out and the stage of the delivery report.
 */
@ApplicationScoped
public class RecordedBroadcasts {

    private static final Logger LOG = Logger.getLogger(RecordedBroadcasts.class.getName());
    /** How long a message built for a position is built again while other broadcasts take that position first. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** A bound on the wait for the backplane's answer; the backplane's own command timeout is shorter. */
    private static final long ANSWER_BOUND_SECONDS = 30;
    /** Tickets kept for broadcasts that may yet come back after a failure; beyond this many they are forgotten. */
    private static final int MAX_WAITING = 10_000;

    @Inject
    Cluster cluster;

    @Inject
    Instance<LocalRooms> rooms;

    private final AtomicLong tickets = new AtomicLong();
    private final Object[] positioning = new Object[64];

    {
        for (int i = 0; i < positioning.length; i++) {
            positioning[i] = new Object();
        }
    }

    private final ConcurrentMap<Long, Ticket> waiting = new ConcurrentHashMap<>();

    /** A broadcast of this node's on its way through the backplane. */
    private static final class Ticket {
        final Recipient excluded;
        final CompletableFuture<DeliveryReport> report = new CompletableFuture<>();
        /** Its number in {@link #waiting}, once it waits. */
        volatile long number;
        /** Delivered here already, the backplane having failed: its return is not delivered again. */
        volatile boolean deliveredHere;

        Ticket(Recipient excluded) {
            this.excluded = excluded;
        }
    }

    /**
     * Sends a room broadcast through the backplane. Returns at once, except for a message built from its position,
     * which waits for the backplane's answer (one round trip, more when another node took the position first).
     *
     * @param room     the room
     * @param message  the message, or {@code null} when {@code factory} makes it
     * @param factory  makes the message from its position, or {@code null}
     * @param excluded the member that does not receive it, or {@code null}
     * @param members  this node's members: the first one's endpoint encodes an object message
     * @param bounds   the history of this node's members that keep one, started again if the engine lost the room's
     *                 ({@link HistorySettings#NONE} when none here keeps history)
     * @return the stage of the delivery report
     * @throws IllegalArgumentException if the encoded message is larger than the backplane's max payload
     */
    public CompletionStage<DeliveryReport> send(
            String room,
            Object message,
            Function<RoomPosition, ?> factory,
            Recipient excluded,
            Iterable<? extends Recipient> members,
            HistorySettings bounds) {
        SharedHistory shared = cluster.sharedHistory();
        if (!cluster.admit()) {
            return rooms.get().deliverLocally(room, factory == null ? message : factory.apply(null), excluded);
        }
        if (factory == null) {
            return record(shared, room, message, excluded, members, bounds);
        }
        // One positioned broadcast per room at a time on this node: they would only take each other's positions.
        synchronized (positioning[Math.floorMod(room.hashCode(), positioning.length)]) {
            return sendPositioned(shared, room, factory, excluded, members, bounds);
        }
    }

    private CompletionStage<DeliveryReport> sendPositioned(
            SharedHistory shared,
            String room,
            Function<RoomPosition, ?> factory,
            Recipient excluded,
            Iterable<? extends Recipient> members,
            HistorySettings bounds) {
        RoomPosition expected = rooms.get().latestKnown(room);
        expected = expected == null ? new RoomPosition("0", 1) : expected.next();
        long giveUpAt = System.nanoTime() + PATIENCE_NANOS;
        for (int attempt = 1; ; attempt++) {
            Object built = factory.apply(expected);
            Ticket ticket = new Ticket(excluded);
            ClusterBroadcast outgoing = outgoing(room, built, members, ticket);
            if (outgoing == null) {
                return rooms.get().deliverLocally(room, factory.apply(null), excluded);
            }
            SharedHistory.Recorded answer;
            try {
                answer = shared.record(outgoing, expected, bounds.size(), bounds.ttl())
                        .toCompletableFuture()
                        .get(ANSWER_BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException | TimeoutException e) {
                cluster.published(false);
                return failed(ticket, room, factory.apply(null), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failed(ticket, room, factory.apply(null), e);
            }
            if (answer.published()) {
                cluster.published(true);
                return answered(ticket, room, built, answer);
            }
            forget(ticket);
            if (answer.next() == null || System.nanoTime() - giveUpAt > 0) {
                // The room keeps no history, or other broadcasts kept taking the position: built without one, it
                // still goes to every node in the room's order (and is recorded if the room keeps history).
                if (answer.next() != null) {
                    LOG.fine(() -> "Switchboard: a broadcast to room " + room + " kept losing its position to others;"
                            + " it goes without a position in its message");
                }
                return record(shared, room, factory.apply(null), excluded, members, bounds);
            }
            expected = answer.next();
            if (attempt >= 3) {
                pause(attempt);
            }
        }
    }

    /** After a few lost positions, a short pause with jitter, so that a burst of other broadcasts can pass. */
    private static void pause(int attempt) {
        long ceilingMicros = Math.min(20_000, 250L << Math.min(attempt, 10));
        try {
            TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(ceilingMicros + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletionStage<DeliveryReport> record(
            SharedHistory shared,
            String room,
            Object message,
            Recipient excluded,
            Iterable<? extends Recipient> members,
            HistorySettings bounds) {
        Ticket ticket = new Ticket(excluded);
        ClusterBroadcast outgoing = outgoing(room, message, members, ticket);
        if (outgoing == null) {
            return rooms.get().deliverLocally(room, message, excluded);
        }
        shared.record(outgoing, null, bounds.size(), bounds.ttl()).whenComplete((answer, failure) -> {
            cluster.published(failure == null);
            if (failure != null) {
                failed(ticket, room, message, failure);
            } else {
                answered(ticket, room, message, answer);
            }
        });
        return ticket.report;
    }

    /** The broadcast with the ticket in its origin, the ticket waiting; {@code null} if it cannot go to the cluster. */
    private ClusterBroadcast outgoing(
            String room, Object message, Iterable<? extends Recipient> members, Ticket ticket) {
        ClusterBroadcast encoded = cluster.outgoing(Audience.ROOM, room, message, members);
        if (encoded == null) {
            return null;
        }
        long number = tickets.incrementAndGet();
        ticket.number = number;
        waiting.put(number, ticket);
        return new ClusterBroadcast(
                cluster.origin(number), Audience.ROOM, room, encoded.text(), encoded.payload(), null);
    }

    private CompletionStage<DeliveryReport> answered(
            Ticket ticket, String room, Object message, SharedHistory.Recorded answer) {
        if (answer.position() == null) {
            // Published without a position: delivered here now, as every other node does as it receives it.
            forget(ticket);
            rooms.get()
                    .deliverLocally(room, message, ticket.excluded)
                    .thenAccept(report -> ticket.report.complete(report.withPublished(true)));
        }
        // Recorded: the report completes as the broadcast comes back (arrived).
        return ticket.report;
    }

    private CompletionStage<DeliveryReport> failed(Ticket ticket, String room, Object message, Throwable failure) {
        // The engine may still run it (a slow answer, not a refusal): if it comes back, it is not delivered again.
        ticket.deliveredHere = true;
        if (waiting.size() > MAX_WAITING) {
            waiting.values().removeIf(t -> t.deliveredHere);
        }
        LOG.log(
                Level.FINE,
                "Switchboard: the backplane did not record a broadcast to room " + room + "; delivered here only",
                failure);
        rooms.get().deliverLocally(room, message, ticket.excluded).thenAccept(ticket.report::complete);
        return ticket.report;
    }

    private void forget(Ticket ticket) {
        waiting.remove(ticket.number, ticket);
    }

    /**
     * A recorded broadcast came back from the backplane: delivered to this node's members, and, if this node sent
     * it, its report completed. Runs on the backplane's thread, in the order of positions.
     *
     * @param broadcast the broadcast, with its position
     * @param message   its message, decoded
     * @param mine      whether this node sent it
     */
    void arrived(ClusterBroadcast broadcast, Object message, boolean mine) {
        Ticket ticket = mine ? waiting.remove(ticketOf(broadcast.origin())) : null;
        if (ticket != null && ticket.deliveredHere) {
            return;
        }
        CompletionStage<DeliveryReport> local = rooms.get()
                .deliverRecorded(
                        broadcast.target(), broadcast.position(), message, ticket == null ? null : ticket.excluded);
        if (ticket != null) {
            local.thenAccept(
                    report -> ticket.report.complete(report.withPublished(true).withPosition(broadcast.position())));
        }
    }

    private static long ticketOf(String origin) {
        int hash = origin.lastIndexOf('#');
        try {
            return hash < 0 ? -1 : Long.parseLong(origin.substring(hash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
