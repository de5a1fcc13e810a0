package io.switchboard.impl.transaction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.switchboard.DeliveryReport;
import jakarta.transaction.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What a send made through {@code afterCommit()} does in each state of a transaction, against a stand-in registry. */
class JtaTransactionsTest {

    private final StandInRegistry registry = new StandInRegistry();
    private final AtomicInteger droppedByRollback = new AtomicInteger();
    private final Transactions transactions = JtaTransactions.of(registry, droppedByRollback::incrementAndGet);
    private final List<String> sent = new ArrayList<>();

    /** A send that records its message and reports one recipient delivered. */
    private Supplier<CompletionStage<DeliveryReport>> send(String message) {
        return () -> {
            sent.add(message);
            return CompletableFuture.completedFuture(new DeliveryReport(1, 1, 1, 0, 0));
        };
    }

    private CompletionStage<DeliveryReport> afterCommit(String message) {
        return transactions.afterCommit(send(message));
    }

    @Test
    void sendInATransactionWaitsForTheCommitThenGoesOnce() {
        registry.begin();
        CompletionStage<DeliveryReport> stage = afterCommit("order 1");
        assertThat(sent).isEmpty();
        assertThat(stage.toCompletableFuture()).isNotDone();

        registry.commit();

        assertThat(sent).containsExactly("order 1");
        assertThat(stage.toCompletableFuture().join()).isEqualTo(new DeliveryReport(1, 1, 1, 0, 0));
        assertThat(droppedByRollback).hasValue(0);
    }

    @Test
    void sendsOfOneTransactionGoInCallOrderThroughOneSynchronization() {
        registry.begin();
        afterCommit("a");
        afterCommit("b");
        afterCommit("c");
        registry.commit();

        assertThat(sent).containsExactly("a", "b", "c");
        assertThat(registry.registered).isEqualTo(1);
    }

    @Test
    void rollbackDropsEverySendAndCancelsItsStage() {
        registry.begin();
        CompletionStage<DeliveryReport> first = afterCommit("a");
        CompletionStage<DeliveryReport> second = afterCommit("b");

        registry.rollback();

        assertThat(sent).isEmpty();
        for (CompletionStage<DeliveryReport> stage : List.of(first, second)) {
            assertRolledBack(stage);
        }
        assertThat(droppedByRollback).hasValue(2);
    }

    @Test
    void sendInATransactionMarkedForRollbackIsDroppedAtOnce() {
        registry.begin();
        registry.setRollbackOnly();

        CompletionStage<DeliveryReport> stage = afterCommit("doomed");

        assertRolledBack(stage);
        assertThat(registry.registered).isZero();
        registry.commit(); // a marked transaction rolls back
        assertThat(sent).isEmpty();
        assertThat(droppedByRollback).hasValue(1);
    }

    @Test
    void withoutATransactionTheSendGoesAtOnce() {
        CompletionStage<DeliveryReport> stage = afterCommit("now");

        assertThat(sent).containsExactly("now");
        assertThat(stage.toCompletableFuture()).isCompleted();
        assertThat(registry.registered).isZero();
    }

    @Test
    void afterTheCommitTheSendGoesAtOnce() {
        // An AFTER_SUCCESS observer runs while the committed transaction completes.
        registry.begin();
        registry.status(Status.STATUS_COMMITTED);

        afterCommit("after success");

        assertThat(sent).containsExactly("after success");
        assertThat(registry.registered).isZero();
    }

    @Test
    void whileATransactionIsPreparedOrCommittedASendIsRefused() {
        registry.begin();
        for (int status : new int[] {
            Status.STATUS_PREPARING, Status.STATUS_PREPARED, Status.STATUS_COMMITTING, Status.STATUS_UNKNOWN
        }) {
            registry.status(status);
            assertThatThrownBy(() -> afterCommit("late"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("afterCommit()");
        }
        assertThat(sent).isEmpty();
    }

    @Test
    void aSendThatThrowsAfterTheCommitFailsItsOwnStageAndTheOthersStillGo() {
        registry.begin();
        CompletionStage<DeliveryReport> before = afterCommit("before");
        CompletionStage<DeliveryReport> failing = transactions.afterCommit(() -> {
            throw new IllegalArgumentException("too big for the backplane");
        });
        CompletionStage<DeliveryReport> after = afterCommit("after");

        registry.commit();

        assertThat(sent).containsExactly("before", "after");
        assertThat(before.toCompletableFuture()).isCompleted();
        assertThat(after.toCompletableFuture()).isCompleted();
        assertThatThrownBy(() -> failing.toCompletableFuture().join())
                .isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSendWhoseDeliveryFailsPassesTheFailureOn() {
        registry.begin();
        CompletableFuture<DeliveryReport> delivery = new CompletableFuture<>();
        CompletionStage<DeliveryReport> stage = transactions.afterCommit(() -> delivery);
        registry.commit();
        assertThat(stage.toCompletableFuture()).isNotDone();

        delivery.completeExceptionally(new IllegalStateException("encoder failed"));

        assertThatThrownBy(() -> stage.toCompletableFuture().join()).hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void eachTransactionHoldsOnlyItsOwnSends() {
        registry.begin();
        afterCommit("rolled back");
        registry.rollback();
        registry.begin();
        afterCommit("committed");
        registry.commit();

        assertThat(sent).containsExactly("committed");
        assertThat(registry.registered).isEqualTo(2);
        assertThat(droppedByRollback).hasValue(1);
    }

    @Test
    void aSendAddedAfterATimeoutEndedTheTransactionElsewhereIsDecidedNotLeftPending() {
        // The status read ACTIVE, then the transaction manager's timeout rolled back on its own thread.
        PendingSends pending = new PendingSends(droppedByRollback::incrementAndGet);
        pending.afterCompletion(Status.STATUS_ROLLEDBACK);
        assertRolledBack(pending.add(send("too late")));

        PendingSends committed = new PendingSends(droppedByRollback::incrementAndGet);
        committed.afterCompletion(Status.STATUS_COMMITTED);
        assertThat(committed.add(send("just in time")).toCompletableFuture()).isCompleted();

        assertThat(sent).containsExactly("just in time");
        assertThat(droppedByRollback).hasValue(1);
    }

    @Test
    void anUnknownOutcomeDropsTheSends() {
        // A heuristic outcome: the database may not have the data, so nothing is said about it.
        PendingSends pending = new PendingSends(droppedByRollback::incrementAndGet);
        CompletionStage<DeliveryReport> stage = pending.add(send("maybe"));
        pending.afterCompletion(Status.STATUS_UNKNOWN);

        assertRolledBack(stage);
        assertThat(sent).isEmpty();
    }

    @Test
    void withoutJndiThereAreNoTransactionsAndSendsGoAtOnce() {
        // This JVM, like Weld SE with Tyrus, has the Jakarta Transactions API but no naming service.
        assertThat(RegistryLookup.find(droppedByRollback::incrementAndGet)).isSameAs(Transactions.NONE);
        Transactions.NONE.afterCommit(send("at once"));
        assertThat(sent).containsExactly("at once");
    }

    private static void assertRolledBack(CompletionStage<DeliveryReport> stage) {
        CompletableFuture<DeliveryReport> future = stage.toCompletableFuture();
        assertThat(future.isCancelled()).isTrue();
        assertThatThrownBy(future::join)
                .isInstanceOf(CancellationException.class)
                .hasMessage("transaction rolled back");
    }
}
