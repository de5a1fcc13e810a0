package io.switchboard.bench;

/** The three ways the server fans a message out; compared in interleaved rounds. */
public enum Mode {
    /** (a) {@code for each session: getBasicRemote().sendText(text)} over the benchmark's own session set. */
    BASIC('a', "(a) basic loop"),
    /** (b) {@code getAsyncRemote().sendText(text)} per session, nothing bounding what waits. The reference. */
    ASYNC('b', "(b) async loop"),
    /** (c) Switchboard's {@code RoomService.broadcast(room, text)}. */
    SWITCHBOARD('c', "(c) Switchboard broadcast");

    private final char code;
    private final String label;

    Mode(char code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The character that selects it in a publisher message. */
    public char code() {
        return code;
    }

    /** Its name in the tables. */
    public String label() {
        return label;
    }
}
