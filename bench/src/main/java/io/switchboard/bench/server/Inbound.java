package io.switchboard.bench.server;

import java.util.concurrent.atomic.LongAdder;

/** The inbound endpoints' one piece of work: counting the messages that reached their code. */
final class Inbound {

    /** Messages handled by any inbound endpoint since the start. */
    static final LongAdder HANDLED = new LongAdder();

    private Inbound() {}
}
