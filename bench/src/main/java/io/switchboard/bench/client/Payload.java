package io.switchboard.bench.client;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * The text a subscriber receives: {@code <round>,<publisher nanoTime>,} padded with {@code x} to an exact size in
 * bytes (ASCII only, so characters and bytes agree).
 */
public final class Payload {

    private Payload() {}

    /**
     * @param round  the measurement round it belongs to
     * @param nanos  {@link System#nanoTime()} when the publisher sends it
     * @param size   its length in bytes; at least the header's
     */
    public static String compose(int round, long nanos, int size) {
        String header = round + "," + nanos + ",";
        if (header.length() >= size) {
            return header;
        }
        char[] text = new char[size];
        header.getChars(0, header.length(), text, 0);
        Arrays.fill(text, header.length(), size, 'x');
        return new String(text);
    }

    /** Reads the decimal number that starts at the buffer's index, up to the next comma. */
    static long number(ByteBuf content, int from) {
        long value = 0;
        for (int i = from, end = content.writerIndex(); i < end; i++) {
            byte b = content.getByte(i);
            if (b == ',') {
                return value;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    /** The index just after the first comma at or after {@code from}. */
    static int afterComma(ByteBuf content, int from) {
        int comma = content.indexOf(from, content.writerIndex(), (byte) ',');
        return comma < 0 ? content.writerIndex() : comma + 1;
    }
}
