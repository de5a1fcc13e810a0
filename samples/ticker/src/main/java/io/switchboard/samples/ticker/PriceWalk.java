package io.switchboard.samples.ticker;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.random.RandomGenerator;

/**
 * A made-up price: a random walk of at most 0.15% a step, pulled gently back towards where it started so that it
 * wanders without drifting off. Not thread-safe: one scheduler thread calls {@link #next}.
 */
final class PriceWalk {

    private static final double MAX_STEP = 0.0015;
    private static final double PULL_BACK = 0.02;

    private final String symbol;
    private final double anchor;
    private final RandomGenerator random;
    private double price;
    private long seq;

    PriceWalk(String symbol, double start, RandomGenerator random) {
        this.symbol = symbol;
        this.anchor = start;
        this.price = start;
        this.random = random;
    }

    /** The next tick, priced at the given time. */
    Tick next(Instant at) {
        double step = (random.nextDouble() * 2 - 1) * MAX_STEP;
        double pull = (anchor - price) / anchor * PULL_BACK;
        price = Math.max(0.01, price * (1 + step + pull));
        return new Tick(symbol, BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_EVEN), at, ++seq);
    }
}
