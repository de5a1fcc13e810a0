package io.switchboard.tck.rooms;

import io.switchboard.RoomScoped;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** What was said in one room, and how many sessions opened in it: one instance per room. */
@RoomScoped
public class RoomHistory {

    private final ConcurrentLinkedQueue<String> said = new ConcurrentLinkedQueue<>();
    private final AtomicInteger opened = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();

    @Inject
    RoomLog log;

    void said(String text) {
        said.add(text);
    }

    void opened() {
        opened.incrementAndGet();
    }

    void closed() {
        closed.incrementAndGet();
    }

    String summary() {
        return "said=" + List.copyOf(said) + " opened=" + opened.get() + " closed=" + closed.get();
    }

    @PreDestroy
    void destroyed() {
        log.add("destroyed " + summary());
    }
}
