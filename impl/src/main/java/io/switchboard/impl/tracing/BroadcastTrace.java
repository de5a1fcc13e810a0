package io.switchboard.impl.tracing;

/** The span of one broadcast, ended when its delivery report completes. */
public interface BroadcastTrace {

    /** No span, when tracing is off. */
    BroadcastTrace NONE = (recipients, queued, delivered, dropped, failed) -> {};

    /**
     * Records the broadcast's outcome and ends its span.
     *
     * @param recipients the sessions it was for
     * @param queued     those it was queued for
     * @param delivered  those it was written to
     * @param dropped    those whose queue dropped it
     * @param failed     those whose write failed
     */
    void reported(int recipients, int queued, int delivered, int dropped, int failed);
}
