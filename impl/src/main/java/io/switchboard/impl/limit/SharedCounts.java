package io.switchboard.impl.limit;

/**
 * Counts kept for the whole cluster, beside this node's: a principal's sessions on an endpoint, where
 * {@code switchboard.backplane.principal-limits=cluster}. A count the cluster cannot give now is {@code -1}, and
 * the limits then count on this node alone.
 */
public interface SharedCounts {

    /**
     * Counts one more holder on this node.
     *
     * @param key the key
     * @return the count over the cluster, this one included, or {@code -1}
     */
    int acquire(String key);

    /**
     * Counts one holder fewer on this node.
     *
     * @param key the key
     */
    void release(String key);

    /**
     * The count over the cluster.
     *
     * @param key the key
     * @return it, or {@code -1}
     */
    int count(String key);
}
