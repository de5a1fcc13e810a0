package io.switchboard.impl.limit;

/**
 * Counts kept for the whole cluster, beside this node's: a principal's sessions on an endpoint, where
 * {@code switchboard.backplane.principal-limits=cluster}. A count the cluster cannot give now is {@code -1}, and
 * the limits then count on this node alone.
 */
public interface SharedCounts {

    /**
     * This node's holders of the key grew (it has counted the new one already): share its count now.
     *
     * @param key the key
     * @return the count over the cluster, this one included, or {@code -1}
     */
    int acquire(String key);

    /**
     * This node's holders of the key shrank (it has counted the one gone already): share its count now.
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
