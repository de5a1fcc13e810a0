package io.switchboard.impl.transaction;

import io.switchboard.Broadcaster;
import io.switchboard.DeliveryReport;
import io.switchboard.OpenSessions;
import io.switchboard.RoomService;
import io.switchboard.impl.metrics.SwitchboardMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The deployment's one way to hold a send until its transaction commits: makes the {@code afterCommit()} views of
 * {@link RoomService} and {@link Broadcaster}, and finds the server's transactions the first time a view sends
 * ({@link RegistryLookup}), keeping the answer. Counts sends dropped by a rollback.
 */
@ApplicationScoped
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class.getName());

    @Inject
    SwitchboardMetrics metrics;

    @Inject
    OpenSessions sessions;

    /** The server's transactions once found; {@code null} before. */
    private volatile Transactions transactions;

    private final AtomicBoolean unresolvedSaid = new AtomicBoolean();

    /**
     * The {@code afterCommit()} view of a room service.
     *
     * @param plain the service whose sends the view holds
     * @return the view
     */
    public RoomService rooms(RoomService plain) {
        return new AfterCommitRooms(plain, this);
    }

    /**
     * The {@code afterCommit()} view of a broadcaster.
     *
     * @param plain the broadcaster whose sends the view holds
     * @return the view
     */
    public Broadcaster broadcaster(Broadcaster plain) {
        return new AfterCommitBroadcaster(plain, this, sessions);
    }

    /**
     * Makes a send now, after the current transaction commits, or never.
     *
     * @param send makes the send; called at most once
     * @return the stage of its delivery report
     */
    CompletionStage<DeliveryReport> send(Supplier<CompletionStage<DeliveryReport>> send) {
        return transactions().afterCommit(send);
    }

    private Transactions transactions() {
        Transactions found = transactions;
        if (found != null) {
            return found;
        }
        synchronized (this) {
            if (transactions == null) {
                found = RegistryLookup.find(metrics::rolledBack);
                if (found == null) {
                    if (unresolvedSaid.compareAndSet(false, true)) {
                        LOG.warning(() -> "Switchboard: " + RegistryLookup.NAME + " did not resolve on thread "
                                + Thread.currentThread().getName() + ": afterCommit() sends at once from threads "
                                + "without the application's naming context, and looks again on the next send");
                    }
                    return Transactions.NONE;
                }
                transactions = found;
            }
            return transactions;
        }
    }

    /**
     * A message as a held send keeps it: a {@code ByteBuffer}'s position and limit as they are now (its bytes are
     * read when it is sent), anything else as it is.
     *
     * @param message the message given
     * @return what to send
     */
    static Object taken(Object message) {
        return message instanceof ByteBuffer buffer ? buffer.duplicate() : message;
    }
}
