package io.switchboard.impl.transaction;

import io.switchboard.DeliveryReport;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Sends that wait for a JTA transaction, through the server's {@link TransactionSynchronizationRegistry}: the first
 * held send of a transaction registers one {@link PendingSends} as an interposed synchronization and keeps it among
 * the transaction's resources; the others join it. What a send does follows the status at the call:
 *
 * <ul>
 *   <li>{@code ACTIVE}: held until the transaction ends;</li>
 *   <li>{@code NO_TRANSACTION}, {@code COMMITTED} (a callback after the commit): made at once;</li>
 *   <li>{@code MARKED_ROLLBACK}, {@code ROLLING_BACK}, {@code ROLLEDBACK}: dropped at once;</li>
 *   <li>{@code PREPARING}, {@code PREPARED}, {@code COMMITTING}, {@code UNKNOWN}: refused, since the outcome is not
 *       known and no synchronization can be registered any more.</li>
 * </ul>
 */
final class JtaTransactions implements Transactions {

    private final TransactionSynchronizationRegistry registry;
    private final Runnable droppedByRollback;

    /** This deployment's key among a transaction's resources: an object no other code holds. */
    private final Object key = new Object();

    /**
     * Sends that wait for the transactions of a registry.
     *
     * @param registry          the server's registry
     * @param droppedByRollback called once for each send dropped because its transaction rolled back
     */
    JtaTransactions(TransactionSynchronizationRegistry registry, Runnable droppedByRollback) {
        this.registry = registry;
        this.droppedByRollback = droppedByRollback;
    }

    /**
     * The JTA transactions of a registry found by name, typed here so that only this class names the type.
     *
     * @param registry          what {@code java:comp/TransactionSynchronizationRegistry} named
     * @param droppedByRollback called once for each send dropped because its transaction rolled back
     * @return the transactions
     * @throws ClassCastException if it is not a registry
     */
    static Transactions of(Object registry, Runnable droppedByRollback) {
        return new JtaTransactions((TransactionSynchronizationRegistry) registry, droppedByRollback);
    }

    @Override
    public CompletionStage<DeliveryReport> afterCommit(Supplier<CompletionStage<DeliveryReport>> send) {
        int status = registry.getTransactionStatus();
        switch (status) {
            case Status.STATUS_ACTIVE:
                return pending().add(send);
            case Status.STATUS_NO_TRANSACTION, Status.STATUS_COMMITTED:
                return send.get();
            case Status.STATUS_MARKED_ROLLBACK, Status.STATUS_ROLLING_BACK, Status.STATUS_ROLLEDBACK:
                droppedByRollback.run();
                return PendingSends.rolledBack();
            default:
                throw new IllegalStateException("Switchboard: afterCommit() cannot send in a transaction that is "
                        + statusName(status) + ": too late to wait for its outcome, too early to know it");
        }
    }

    /** The transaction's held sends; registered with the first of them. */
    private PendingSends pending() {
        PendingSends pending = (PendingSends) registry.getResource(key);
        if (pending == null) {
            pending = new PendingSends(droppedByRollback);
            // Registered before it is kept, so a transaction that refuses it keeps nothing that would never run.
            registry.registerInterposedSynchronization(pending);
            registry.putResource(key, pending);
        }
        return pending;
    }

    private static String statusName(int status) {
        return switch (status) {
            case Status.STATUS_PREPARING -> "preparing";
            case Status.STATUS_PREPARED -> "prepared";
            case Status.STATUS_COMMITTING -> "committing";
            case Status.STATUS_UNKNOWN -> "in an unknown state";
            default -> "in state " + status;
        };
    }
}
