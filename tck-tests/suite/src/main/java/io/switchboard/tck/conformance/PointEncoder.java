package io.switchboard.tck.conformance;

import jakarta.websocket.Encoder;

/** Encodes a point as {@code "(x;y)"}. */
public class PointEncoder implements Encoder.Text<Point> {

    @Override
    public String encode(Point point) {
        return "(" + point.x() + ";" + point.y() + ")";
    }
}
