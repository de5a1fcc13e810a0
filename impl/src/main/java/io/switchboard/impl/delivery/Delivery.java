package io.switchboard.impl.delivery;

import io.switchboard.DeliveryReport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;

/**
 * The accounting of one message sent to many sessions: each recipient ends exactly once, as delivered, dropped
 * or failed, and the report completes when the last one has. While recipients are still being added, a guard
 * keeps the report from completing early.
 */
public final class Delivery {

    private static final AtomicIntegerFieldUpdater<Delivery> PENDING =
            AtomicIntegerFieldUpdater.newUpdater(Delivery.class, "pending");
    private static final AtomicIntegerFieldUpdater<Delivery> QUEUED =
            AtomicIntegerFieldUpdater.newUpdater(Delivery.class, "queued");
    private static final AtomicIntegerFieldUpdater<Delivery> DELIVERED =
            AtomicIntegerFieldUpdater.newUpdater(Delivery.class, "delivered");
    private static final AtomicIntegerFieldUpdater<Delivery> DROPPED =
            AtomicIntegerFieldUpdater.newUpdater(Delivery.class, "dropped");
    private static final AtomicIntegerFieldUpdater<Delivery> FAILED =
            AtomicIntegerFieldUpdater.newUpdater(Delivery.class, "failed");

    private final CompletableFuture<DeliveryReport> report = new CompletableFuture<>();
    private int recipients;
    /** Recipients not ended yet, plus one while recipients are being added. */
    private volatile int pending = 1;

    private volatile int queued;
    private volatile int delivered;
    private volatile int dropped;
    private volatile int failed;

    /** Counts one more recipient; called by the sending thread only, before {@link #sealed()}. */
    void addRecipient() {
        recipients++;
        PENDING.incrementAndGet(this);
    }

    /**
     * No more recipients will be added; the report completes once every one added has ended.
     *
     * @return the stage of the report
     */
    public CompletionStage<DeliveryReport> sealed() {
        end();
        return report;
    }

    void queued() {
        QUEUED.incrementAndGet(this);
    }

    void delivered() {
        DELIVERED.incrementAndGet(this);
        end();
    }

    void dropped() {
        DROPPED.incrementAndGet(this);
        end();
    }

    void failed() {
        FAILED.incrementAndGet(this);
        end();
    }

    private void end() {
        if (PENDING.decrementAndGet(this) == 0) {
            // Every count was incremented before its decrement: they are final here.
            report.complete(new DeliveryReport(recipients, queued, delivered, dropped, failed));
        }
    }
}
