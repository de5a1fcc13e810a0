package io.switchboard.samples.ticker;

import jakarta.json.Json;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One price tick, as the page receives it: {@code {"symbol":"SWB","price":101.23,"at":"2026-12-06T12:00:00.1Z",
 * "seq":42}}.
 *
 * @param symbol what is priced
 * @param price  the price, two decimals
 * @param at     when it was priced
 * @param seq    1 for the first tick since the application started, then one more each tick
 */
public record Tick(String symbol, BigDecimal price, Instant at, long seq) {

    /** The tick as a JSON object, written by the server's JSON-P. */
    public String toJson() {
        return Json.createObjectBuilder()
                .add("symbol", symbol)
                .add("price", price)
                .add("at", at.toString())
                .add("seq", seq)
                .build()
                .toString();
    }
}
