package io.switchboard.tck.rooms;

import jakarta.websocket.Encoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Encodes a vote as the binary message {@code vote:<choice>}. */
public class VoteEncoder implements Encoder.Binary<Vote> {

    @Override
    public ByteBuffer encode(Vote vote) {
        return ByteBuffer.wrap(("vote:" + vote.choice()).getBytes(StandardCharsets.UTF_8));
    }
}
