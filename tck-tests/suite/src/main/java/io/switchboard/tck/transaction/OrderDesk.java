package io.switchboard.tck.transaction;

import io.switchboard.Broadcaster;
import io.switchboard.DeliveryReport;
import io.switchboard.RoomService;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Places orders the way an application would: in a transaction, the row written through JPA and the news of it
 * sent through the {@code afterCommit()} views. The stage of each order's room broadcast is kept by order id for the
 * probe to report.
 */
@ApplicationScoped
public class OrderDesk {

    @PersistenceContext(unitName = "orders")
    EntityManager orders;

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final Map<String, CompletionStage<DeliveryReport>> stages = new ConcurrentHashMap<>();

    /**
     * Writes an order, sends the room {@code order:<id>:<item>} and then its members {@code placed:<id>}, and keeps
     * the transaction open a while longer, so that a send that did not wait would arrive before the commit.
     */
    @Transactional
    public void place(String room, String id, String item, long holdMillis) throws InterruptedException {
        write(room, id, item);
        Thread.sleep(holdMillis);
    }

    /** As {@link #place} without the wait, then fails: the transaction rolls back. */
    @Transactional
    public void placeThenFail(String room, String id, String item) {
        write(room, id, item);
        throw new OrderRefused(id);
    }

    /** Writes an order in a transaction already marked for rollback, then sends: the sends are dropped at once. */
    @Transactional
    public void placeDoomed(String room, String id, String item) {
        orders.persist(new PlacedOrder(id, item));
        transactions.setRollbackOnly();
        stages.put(id, rooms.afterCommit().broadcast(room, "order:" + id + ":" + item));
    }

    private void write(String room, String id, String item) {
        orders.persist(new PlacedOrder(id, item));
        orders.flush();
        stages.put(id, rooms.afterCommit().broadcast(room, "order:" + id + ":" + item));
        broadcaster.afterCommit().toMatching(s -> s.rooms().contains(room), "placed:" + id);
    }

    /** The item of an order the database has, read outside any transaction; {@code null} if it has none. */
    public String find(String id) {
        PlacedOrder found = orders.find(PlacedOrder.class, id);
        return found == null ? null : found.item();
    }

    /** The stage of an order's room broadcast; {@code null} before it was sent. */
    public CompletionStage<DeliveryReport> stage(String id) {
        return stages.get(id);
    }
}
