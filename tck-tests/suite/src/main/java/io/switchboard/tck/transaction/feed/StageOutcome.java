package io.switchboard.tck.transaction.feed;

import io.switchboard.DeliveryReport;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** What became of a send's stage, as one line for the probes' answers. */
public final class StageOutcome {

    private StageOutcome() {}

    /**
     * Describes a stage once it completes, or says it has not.
     *
     * @param stage  the stage a send returned
     * @param waitMs how long to wait for it
     * @return {@code delivered:<counts>}, {@code cancelled:<message>}, {@code failed:<type>:<message>} or
     *     {@code pending}
     */
    public static String of(CompletionStage<DeliveryReport> stage, long waitMs) throws InterruptedException {
        CompletableFuture<DeliveryReport> future = stage.toCompletableFuture();
        try {
            DeliveryReport r = future.get(waitMs, TimeUnit.MILLISECONDS);
            return "delivered:recipients=" + r.recipients() + " queued=" + r.queued() + " delivered=" + r.delivered()
                    + " dropped=" + r.dropped() + " failed=" + r.failed();
        } catch (CancellationException e) {
            return "cancelled:" + e.getMessage();
        } catch (ExecutionException e) {
            return "failed:" + e.getCause().getClass().getName() + ":"
                    + e.getCause().getMessage();
        } catch (TimeoutException e) {
            return "pending";
        }
    }
}
