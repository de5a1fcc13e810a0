package io.switchboard.tck.tracking;

import jakarta.enterprise.context.RequestScoped;

/** Counts calls within one request context. */
@RequestScoped
public class RequestCounter {

    private int count;

    public int increment() {
        return ++count;
    }
}
