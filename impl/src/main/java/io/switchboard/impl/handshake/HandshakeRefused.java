package io.switchboard.impl.handshake;

/**
 * Thrown by the bridge's configurator, from inside the container's upgrade, to refuse a handshake that a
 * {@link HandshakeFilter} is wrapping: the filter catches it and answers with the refusal's HTTP status before any
 * upgrade. It carries no stack trace: a refusal is an answer, not a fault.
 */
public final class HandshakeRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Admission.Refusal refusal;

    /**
     * @param refusal what to answer
     */
    public HandshakeRefused(Admission.Refusal refusal) {
        super(refusal.status() + " " + refusal.phrase(), null, false, false);
        this.refusal = refusal;
    }

    /** What to answer. */
    public Admission.Refusal refusal() {
        return refusal;
    }
}
