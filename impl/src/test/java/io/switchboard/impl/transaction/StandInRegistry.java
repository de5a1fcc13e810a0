package io.switchboard.impl.transaction;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link TransactionSynchronizationRegistry} of one thread's transactions, as a server's behaves for what Switchboard
 * uses: the status, resources kept per transaction, and interposed synchronizations called around the end (each
 * {@code afterCompletion} even when another throws, as transaction managers do). No thread association: the test is
 * the transaction's thread.
 */
final class StandInRegistry implements TransactionSynchronizationRegistry {

    private int status = Status.STATUS_NO_TRANSACTION;
    private int transactions;
    private Map<Object, Object> resources = new HashMap<>();
    private List<Synchronization> synchronizations = new ArrayList<>();

    /** Synchronizations ever registered, across transactions. */
    int registered;

    void begin() {
        status = Status.STATUS_ACTIVE;
        transactions++;
        resources = new HashMap<>();
        synchronizations = new ArrayList<>();
    }

    void commit() {
        if (status == Status.STATUS_MARKED_ROLLBACK) {
            rollback();
            return;
        }
        synchronizations.forEach(Synchronization::beforeCompletion);
        status = Status.STATUS_COMMITTED;
        end(Status.STATUS_COMMITTED);
    }

    void rollback() {
        status = Status.STATUS_ROLLEDBACK;
        end(Status.STATUS_ROLLEDBACK);
    }

    /** Sets the status as a transaction manager would while it completes (preparing, committing). */
    void status(int status) {
        this.status = status;
    }

    private void end(int outcome) {
        for (Synchronization synchronization : synchronizations) {
            try {
                synchronization.afterCompletion(outcome);
            } catch (RuntimeException e) {
                // A transaction manager logs it and goes on.
            }
        }
        status = Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public Object getTransactionKey() {
        return status == Status.STATUS_NO_TRANSACTION ? null : transactions;
    }

    @Override
    public void putResource(Object key, Object value) {
        active();
        resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        active();
        return resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        if (status != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("not active: " + status);
        }
        registered++;
        synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        return status;
    }

    @Override
    public void setRollbackOnly() {
        active();
        status = Status.STATUS_MARKED_ROLLBACK;
    }

    @Override
    public boolean getRollbackOnly() {
        active();
        return status == Status.STATUS_MARKED_ROLLBACK;
    }

    private void active() {
        if (status == Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException("no transaction");
        }
    }
}
