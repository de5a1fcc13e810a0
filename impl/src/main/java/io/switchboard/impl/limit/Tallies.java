package io.switchboard.impl.limit;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * What sessions share, per deployment: how many sessions each endpoint, principal and address has open, and the
 * rate buckets of principals and addresses. An entry lives while sessions hold it, and afterwards until its buckets
 * are full again (so closing and reopening a socket does not refill them); {@link #prune} drops the rest.
 */
@ApplicationScoped
public class Tallies {

    /** Prune after this many handshakes or releases. */
    private static final int PRUNE_EVERY = 1024;

    private final ConcurrentMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger untilPrune = new AtomicInteger(PRUNE_EVERY);

    /** One shared thing: its holders and, for rate limits, its buckets. */
    static final class Entry {
        private final AtomicInteger holders = new AtomicInteger();
        private volatile RateLimitSettings.Buckets buckets;
        private volatile Bucket single;

        int holders() {
            return holders.get();
        }

        boolean idle(long now) {
            return holders.get() == 0 && (buckets == null || buckets.isFull(now))
                    && (single == null || single.isFull(now));
        }
    }

    /**
     * Counts one more holder of a key.
     *
     * @param key what is held ({@code endpoint|<id>}, {@code address|<id>|<address>}, ...)
     * @return the number of holders now, this one included
     */
    public int acquire(String key) {
        return entries.computeIfAbsent(key, k -> new Entry()).holders.incrementAndGet();
    }

    /**
     * Counts one holder fewer.
     *
     * @param key what was held
     */
    public void release(String key) {
        entries.computeIfPresent(key, (k, entry) -> {
            entry.holders.decrementAndGet();
            return entry.idle(System.nanoTime()) ? null : entry;
        });
        maybePrune();
    }

    /**
     * The number of holders of a key now.
     *
     * @param key the key
     * @return the count
     */
    public int count(String key) {
        Entry entry = entries.get(key);
        return entry == null ? 0 : entry.holders();
    }

    /**
     * The shared message and byte buckets of a key, created with the first holder.
     *
     * @param key      the key
     * @param settings their rates
     * @return the buckets
     */
    RateLimitSettings.Buckets buckets(String key, RateLimitSettings settings) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        return init(entry, () -> {
            if (entry.buckets == null) {
                entry.buckets = settings.newBuckets(System.nanoTime());
            }
            return entry.buckets;
        });
    }

    /**
     * A shared single bucket of a key (the handshake rate of an address), created on first use.
     *
     * @param key  the key
     * @param rate its rate
     * @return the bucket
     */
    Bucket bucket(String key, Bucket.Rate rate) {
        Entry entry = entries.computeIfAbsent(key, k -> new Entry());
        Bucket found = entry.single;
        if (found == null) {
            found = init(entry, () -> {
                if (entry.single == null) {
                    entry.single = new Bucket(rate, System.nanoTime());
                }
                return entry.single;
            });
        }
        maybePrune();
        return found;
    }

    private static <T> T init(Entry entry, Supplier<T> create) {
        synchronized (entry) {
            return create.get();
        }
    }

    private void maybePrune() {
        if (untilPrune.decrementAndGet() <= 0) {
            untilPrune.set(PRUNE_EVERY);
            prune();
        }
    }

    /** Drops every entry no session holds and whose buckets are full. */
    void prune() {
        long now = System.nanoTime();
        entries.forEach((key, entry) -> {
            if (entry.idle(now)) {
                entries.remove(key, entry);
            }
        });
    }

    /** The number of entries kept, for tests. */
    int size() {
        return entries.size();
    }
}
