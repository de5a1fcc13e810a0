package io.switchboard.impl.delivery;

/** UTF-8 lengths, counted without encoding: sizes are compared with limits on every message. */
public final class Utf8 {

    private Utf8() {}

    /**
     * The number of bytes a text takes in UTF-8 (an unpaired surrogate counts as the 3 bytes of its replacement).
     *
     * @param text the text
     * @return its length in bytes
     */
    public static int length(String text) {
        int length = text.length();
        int bytes = length;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                if (c < 0x800) {
                    bytes += 1;
                } else if (Character.isHighSurrogate(c)
                        && i + 1 < length
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    bytes += 2; // 4 bytes for the pair
                    i++;
                } else {
                    bytes += 2;
                }
            }
        }
        return bytes;
    }
}
