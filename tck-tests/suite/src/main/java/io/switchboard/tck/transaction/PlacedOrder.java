package io.switchboard.tck.transaction;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order as the database keeps it; its id is chosen by the test, so the test can look it up. */
@Entity
@Table(name = "SB_PLACED_ORDER")
public class PlacedOrder {

    @Id
    private String id;

    private String item;

    protected PlacedOrder() {}

    public PlacedOrder(String id, String item) {
        this.id = id;
        this.item = item;
    }

    public String id() {
        return id;
    }

    public String item() {
        return item;
    }
}
