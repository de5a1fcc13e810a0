package io.switchboard.impl.transaction;

import io.switchboard.DeliveryReport;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sends one transaction holds, in call order, and what becomes of them when it ends: made one after the other on
 * the thread that runs {@link #afterCompletion} when it committed (the container's completing thread, which each send
 * does not block: it only queues), dropped when it did not. One send that throws fails its own stage only.
 *
 * <p>The transaction's thread adds while it is active; a timeout may end it on another thread meanwhile, so a send
 * added after the end is decided by the outcome already recorded, never left pending.
 */
final class PendingSends implements Synchronization {

    private static final Logger LOG = Logger.getLogger(PendingSends.class.getName());

    /** The message of the exception a rolled-back send's stage completes with. */
    static final String ROLLED_BACK = "transaction rolled back";

    private final Runnable droppedByRollback;

    /** The held sends; {@code null} once the transaction ended. Guarded by this. */
    private List<Held> held = new ArrayList<>(4);

    /** Whether the transaction committed; meaningful once {@link #held} is {@code null}. Guarded by this. */
    private boolean committed;

    /**
     * An empty list for a transaction that has just begun holding sends.
     *
     * @param droppedByRollback called once for each send dropped
     */
    PendingSends(Runnable droppedByRollback) {
        this.droppedByRollback = droppedByRollback;
    }

    /**
     * A stage completed as a rolled-back send's is.
     *
     * @return the stage, completed exceptionally with a {@link CancellationException}
     */
    static CompletionStage<DeliveryReport> rolledBack() {
        CompletableFuture<DeliveryReport> stage = new CompletableFuture<>();
        stage.completeExceptionally(new CancellationException(ROLLED_BACK));
        return stage;
    }

    /**
     * Holds a send until the transaction ends.
     *
     * @param send makes the send
     * @return the stage that completes as the send's once it is made, or as {@link #rolledBack()}
     */
    CompletionStage<DeliveryReport> add(Supplier<CompletionStage<DeliveryReport>> send) {
        Held entry = new Held(send);
        boolean made;
        synchronized (this) {
            if (held != null) {
                held.add(entry);
                return entry.result;
            }
            made = committed;
        }
        // The transaction ended on another thread (a timeout's rollback) after its status was read.
        finish(entry, made);
        return entry.result;
    }

    @Override
    public void beforeCompletion() {
        // Nothing to flush: the sends wait for the outcome.
    }

    @Override
    public void afterCompletion(int status) {
        List<Held> due;
        boolean made = status == Status.STATUS_COMMITTED;
        synchronized (this) {
            due = held;
            held = null;
            committed = made;
        }
        if (due != null) {
            for (Held entry : due) {
                finish(entry, made);
            }
        }
    }

    private void finish(Held entry, boolean made) {
        if (made) {
            entry.send();
        } else {
            droppedByRollback.run();
            entry.result.completeExceptionally(new CancellationException(ROLLED_BACK));
        }
    }

    /** One held send and the stage handed out for it. */
    private static final class Held {

        final Supplier<CompletionStage<DeliveryReport>> send;
        final CompletableFuture<DeliveryReport> result = new CompletableFuture<>();

        Held(Supplier<CompletionStage<DeliveryReport>> send) {
            this.send = send;
        }

        void send() {
            CompletionStage<DeliveryReport> made;
            try {
                made = send.get();
            } catch (RuntimeException | LinkageError e) {
                // Nobody is there to catch it: the caller is gone and the transaction manager would only log it.
                LOG.log(
                        Level.WARNING,
                        "Switchboard: a send held by afterCommit() failed after its transaction committed",
                        e);
                result.completeExceptionally(e);
                return;
            }
            made.whenComplete((report, failure) -> {
                if (failure == null) {
                    result.complete(report);
                } else {
                    result.completeExceptionally(failure);
                }
            });
        }
    }
}
