package io.switchboard.impl.transaction;

import io.switchboard.DeliveryReport;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Where a send waits for its transaction: the server's JTA ({@link JtaTransactions}), or nowhere. An interface of
 * Switchboard's own, so that nothing outside {@link JtaTransactions} and {@link PendingSends} names a
 * {@code jakarta.transaction} type, and a server (or Weld SE) without that API never loads one.
 */
interface Transactions {

    /** No transactions: every send is made at once. */
    Transactions NONE = Supplier::get;

    /**
     * Makes a send now, after the current transaction commits, or never, by the transaction's state.
     *
     * @param send makes the send and returns its stage; called at most once
     * @return the stage of the delivery report
     * @throws IllegalStateException if a transaction is being prepared or committed
     */
    CompletionStage<DeliveryReport> afterCommit(Supplier<CompletionStage<DeliveryReport>> send);
}
