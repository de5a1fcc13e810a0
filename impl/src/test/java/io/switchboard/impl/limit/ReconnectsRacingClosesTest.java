package io.switchboard.impl.limit;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.RateLimit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client reconnecting while its old sockets close, over and over: sessions of one address open and close on many
 * threads, counted in and out as the bridge does, while the tallies prune. No count may be lost on the way.
 */
class ReconnectsRacingClosesTest {

    private static final String ADDRESS = "192.0.2.7";
    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    /**
     * With two sessions the count falls to zero often, the moment a reconnect races the close before it (the old
     * code lost a count there within a second); with eight, many contend for the one place.
     */
    @ParameterizedTest(name = "{0} sessions")
    @ValueSource(ints = {2, 8})
    void countsAreNeverLostAndNeverAdmitOverTheLimit(int threads) throws Exception {
        int perAddress = 1;
        EndpointLimits limits = new EndpointLimits(
                "chat",
                Map.of(
                        RateLimit.Scope.ADDRESS,
                        RateLimitSettings.of(
                                RateLimit.Scope.ADDRESS, 1_000_000, 0, 0, 0, SECOND, RateLimit.Policy.DROP)),
                new ConnectionLimitSettings(0, 0, perAddress, 0, SECOND));
        Tallies tallies = new Tallies();
        String key = limits.addressKey(ADDRESS);
        // started: sessions that began counting in; finished: sessions whose counting out has returned. Between
        // the two lies every session the tallies may hold, so a count above it, or below zero, is a counting error.
        AtomicLong started = new AtomicLong();
        AtomicLong finished = new AtomicLong();
        AtomicInteger admittedNow = new AtomicInteger();
        AtomicInteger mostAdmitted = new AtomicInteger();
        AtomicReference<String> miscount = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> sessions = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            sessions.add(start(() -> {
                await(go);
                while (!stop.get()) {
                    started.incrementAndGet();
                    boolean within = limits.open(tallies, null, ADDRESS);
                    limits.limiter(tallies, null, ADDRESS);
                    if (within) {
                        mostAdmitted.accumulateAndGet(admittedNow.incrementAndGet(), Math::max);
                        Thread.yield();
                        admittedNow.decrementAndGet();
                    }
                    // This session is still open, so it must be in the count.
                    if (tallies.count(key) < 1) {
                        miscount.compareAndSet(null, "a session not yet closed is not counted");
                    }
                    limits.close(tallies, null, ADDRESS);
                    finished.incrementAndGet();
                }
            }));
        }
        // Pruning runs every so many releases in production; here it runs all the time, to widen every window.
        Thread pruner = start(() -> {
            await(go);
            while (!stop.get()) {
                tallies.prune();
                long done = finished.get();
                int count = tallies.count(key);
                long begun = started.get();
                if (count < 0 || count > begun - done) {
                    miscount.compareAndSet(null, "count " + count + " with at most " + (begun - done) + " held");
                }
            }
        });
        go.countDown();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
        while (System.nanoTime() < deadline && miscount.get() == null && mostAdmitted.get() <= perAddress) {
            Thread.sleep(20);
        }
        stop.set(true);
        for (Thread session : sessions) {
            session.join();
        }
        pruner.join();

        assertThat(started.get()).isEqualTo(finished.get()).isGreaterThan(1000);
        assertThat(miscount.get()).as("the first counting error seen").isNull();
        assertThat(mostAdmitted.get()).isLessThanOrEqualTo(perAddress);
        assertThat(tallies.count(key)).isZero();
        assertThat(tallies.count(limits.endpointKey())).isZero();
        tallies.prune();
        assertThat(tallies.size()).isZero();
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
