package io.switchboard.bench;

/** The rounds of the flood scenario, measured interleaved: without a flooder, and with one under each policy. */
public enum FloodScenario {
    /** (i) The healthy clients alone, on the endpoint whose rate limit closes. The reference. */
    BASELINE("(i) no flooder, limit on", "close", false),
    /** (ii) With a flooder; the rate limit closes it with 1008. */
    CLOSE("(ii) flooder, limit CLOSE", "close", true),
    /** (iii) With a flooder; the rate limit drops what is over it. */
    DROP("(iii) flooder, limit DROP", "drop", true),
    /** (iv) With a flooder and no rate limit. */
    OFF("(iv) flooder, no limit", "off", true);

    private final String label;
    private final String path;
    private final boolean flooder;

    FloodScenario(String label, String path, boolean flooder) {
        this.label = label;
        this.path = path;
        this.flooder = flooder;
    }

    /** Its name in the tables. */
    public String label() {
        return label;
    }

    /** The endpoint's path segment under {@code /bench/flood/}: {@code close}, {@code drop} or {@code off}. */
    public String path() {
        return path;
    }

    /** Whether a flooder joins the room. */
    public boolean flooder() {
        return flooder;
    }
}
