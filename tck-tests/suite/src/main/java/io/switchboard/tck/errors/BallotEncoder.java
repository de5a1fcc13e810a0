package io.switchboard.tck.errors;

import jakarta.websocket.EncodeException;
import jakarta.websocket.Encoder;

/** Encodes a ballot as {@code ballot:<choice>}, and fails for the choice {@code bad}. */
public class BallotEncoder implements Encoder.Text<Ballot> {

    @Override
    public String encode(Ballot ballot) throws EncodeException {
        if (ballot.choice().equals("bad")) {
            throw new EncodeException(ballot, "cannot encode a bad ballot");
        }
        return "ballot:" + ballot.choice();
    }
}
