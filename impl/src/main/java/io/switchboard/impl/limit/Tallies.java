package io.switchboard.impl.limit;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** The cluster's counts of principals' sessions, or {@code null} to count on this node alone. */
    private volatile SharedCounts shared;

    /**
     * One shared thing: its holders and, for rate limits, its buckets. Every field is written only inside the map's
     * atomic operations on its key, so a holder counted in and the entry it is counted in stay together; the fields
     * are volatile for the readers outside them ({@link #count}, {@link #prune}'s first look).
     */
    static final class Entry {
        private volatile int holders;
        private volatile RateLimitSettings.Buckets buckets;
        private volatile Bucket single;

        boolean idle(long now) {
            return holders == 0 && (buckets == null || buckets.isFull(now)) && (single == null || single.isFull(now));
        }
    }

    /**
     * Counts one more holder of a key.
     *
     * @param key what is held ({@code endpoint|<id>}, {@code address|<id>|<address>}, ...)
     * @return the number of holders now, this one included
     */
    public int acquire(String key) {
        // The count is read inside the operation: read after it, it could include a holder that came later.
        int[] now = new int[1];
        entries.compute(key, (k, entry) -> {
            Entry held = entry == null ? new Entry() : entry;
            now[0] = ++held.holders;
            return held;
        });
        return now[0];
    }

    /**
     * Counts one holder fewer; a key nobody holds is left alone.
     *
     * @param key what was held
     */
    public void release(String key) {
        entries.computeIfPresent(key, (k, entry) -> {
            if (entry.holders > 0) {
                entry.holders--;
            }
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
        return entry == null ? 0 : entry.holders;
    }

    /**
     * Counts principals' sessions over the cluster from now on (see {@link SharedCounts}).
     *
     * @param counts the cluster's counts
     */
    public void shareAcrossNodes(SharedCounts counts) {
        shared = counts;
    }

    /**
     * Counts one more holder of a key that may be counted over the cluster.
     *
     * @param key the key
     * @return the number of holders now, this one included: over the cluster where it is shared and answers
     */
    int acquireShared(String key) {
        int local = acquire(key);
        SharedCounts cluster = shared;
        if (cluster == null) {
            return local;
        }
        int total = cluster.acquire(key);
        return total < 0 ? local : Math.max(local, total);
    }

    /**
     * Counts one holder fewer of a key that may be counted over the cluster.
     *
     * @param key the key
     */
    void releaseShared(String key) {
        release(key);
        SharedCounts cluster = shared;
        if (cluster != null) {
            cluster.release(key);
        }
    }

    /**
     * The number of holders of a key that may be counted over the cluster.
     *
     * @param key the key
     * @return the count: over the cluster where it is shared and answers
     */
    int countShared(String key) {
        int local = count(key);
        SharedCounts cluster = shared;
        if (cluster == null) {
            return local;
        }
        int total = cluster.count(key);
        return total < 0 ? local : Math.max(local, total);
    }

    /**
     * This node's holders of every key counted over the cluster, to write again after the cluster lost them.
     *
     * @return key to count, for keys held now
     */
    public Map<String, Integer> sharedHeld() {
        Map<String, Integer> held = new HashMap<>();
        entries.forEach((key, entry) -> {
            int holders = entry.holders;
            if (holders > 0 && EndpointLimits.isPrincipalKey(key)) {
                held.put(key, holders);
            }
        });
        return held;
    }

    /**
     * Counts one more holder of a key and gives it the key's shared message and byte buckets, created with the
     * first holder and kept while held or not full, so every holder meanwhile shares the same ones.
     *
     * @param key      the key
     * @param settings their rates
     * @return the buckets
     */
    RateLimitSettings.Buckets acquireBuckets(String key, RateLimitSettings settings) {
        return entries.compute(key, (k, entry) -> {
                    Entry held = entry == null ? new Entry() : entry;
                    held.holders++;
                    if (held.buckets == null) {
                        held.buckets = settings.newBuckets(System.nanoTime());
                    }
                    return held;
                })
                .buckets;
    }

    /**
     * Takes one token from a key's single bucket (the handshake rate of an address), created on first use. The take
     * happens inside the map's operation on the key, so the bucket cannot be pruned as full between its lookup and
     * the take, which would hand the next handshake a fresh one.
     *
     * @param key  the key
     * @param rate its rate
     * @param now  {@link System#nanoTime()}
     * @return 0 if the token was taken, else how many nanoseconds until one could be (at least 1)
     */
    long take(String key, Bucket.Rate rate, long now) {
        long[] wait = new long[1];
        entries.compute(key, (k, entry) -> {
            Entry used = entry == null ? new Entry() : entry;
            if (used.single == null) {
                used.single = new Bucket(rate, now);
            }
            if (!used.single.tryTake(1, now)) {
                wait[0] = Math.max(1, used.single.waitNanos(1, now));
            }
            return used;
        });
        maybePrune();
        return wait[0];
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
                // Checked again inside the removal: a holder may have come in since the first look.
                entries.computeIfPresent(key, (k, current) -> current.idle(now) ? null : current);
            }
        });
    }

    /** The number of entries kept, for tests. */
    int size() {
        return entries.size();
    }
}
