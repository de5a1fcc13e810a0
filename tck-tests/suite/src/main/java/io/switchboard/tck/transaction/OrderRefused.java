package io.switchboard.tck.transaction;

/** An application exception: {@code @Transactional} rolls back on it, as on any unchecked exception. */
public class OrderRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OrderRefused(String id) {
        super("order " + id + " refused");
    }
}
