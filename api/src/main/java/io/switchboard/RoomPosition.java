package io.switchboard;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a broadcast stands in its room's history ({@link RoomHistory}): the room's epoch, which changes whenever the
 * room's history was lost (a restart of an in-memory history, history that expired, a flushed backplane), and an
 * offset that grows by one with every broadcast of that epoch, starting at 1. Offset 0 is the position of a room
 * before its first broadcast.
 *
 * <p>Its text form, {@code <epoch>:<offset>} such as {@code k3j9x2ab:42}, is what clients keep and send back in
 * {@link #QUERY_PARAMETER}; {@link #parse} reads it.
 *
 * @param epoch  lower-case letters and digits, 1 to 32 of them
 * @param offset 0 or more
 */
public record RoomPosition(String epoch, long offset) {

    /**
     * The query parameter a client names its last position in when it reconnects to an endpoint with {@link Room}.
     * For a room the endpoint joins in code, {@code switchboard-since.<room>} names the position in that room.
     */
    public static final String QUERY_PARAMETER = "switchboard-since";

    private static final Pattern EPOCH = Pattern.compile("[0-9a-z]{1,32}");
    private static final Pattern TEXT = Pattern.compile("([0-9a-z]{1,32}):([0-9]{1,18})");

    /**
     * Checks the parts.
     *
     * @param epoch  the epoch
     * @param offset the offset
     * @throws IllegalArgumentException if the epoch is not 1 to 32 lower-case letters and digits, or the offset is
     *                                  negative
     */
    public RoomPosition {
        Objects.requireNonNull(epoch, "epoch");
        if (!EPOCH.matcher(epoch).matches()) {
            throw new IllegalArgumentException("a room position's epoch is 1 to 32 lower-case letters and digits");
        }
        if (offset < 0) {
            throw new IllegalArgumentException("a room position's offset is not negative");
        }
    }

    /**
     * Reads a position's text form.
     *
     * @param text such as {@code k3j9x2ab:42}
     * @return the position
     * @throws IllegalArgumentException if the text is not a position (the message does not repeat it)
     */
    public static RoomPosition parse(String text) {
        var matcher = text == null || text.length() > 51 ? null : TEXT.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("not a room position (<epoch>:<offset>)");
        }
        return new RoomPosition(matcher.group(1), Long.parseLong(matcher.group(2)));
    }

    /**
     * The position right after this one in the same epoch.
     *
     * @return the position
     */
    public RoomPosition next() {
        return new RoomPosition(epoch, offset + 1);
    }

    /** The text form, {@code <epoch>:<offset>}. */
    @Override
    public String toString() {
        return epoch + ":" + offset;
    }
}
