package io.switchboard.tck.conformance;

import jakarta.websocket.DecodeException;
import jakarta.websocket.Decoder;

/** Decodes {@code "x,y"}. */
public class PointDecoder implements Decoder.Text<Point> {

    @Override
    public Point decode(String text) throws DecodeException {
        String[] parts = text.split(",");
        try {
            return new Point(Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim()));
        } catch (RuntimeException e) {
            throw new DecodeException(text, "not a point", e);
        }
    }

    @Override
    public boolean willDecode(String text) {
        return text.contains(",");
    }
}
