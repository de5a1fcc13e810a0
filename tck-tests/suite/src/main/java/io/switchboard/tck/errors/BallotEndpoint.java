package io.switchboard.tck.errors;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/** No {@code @OnError}: answers a {@link Ballot}, whose encoder fails for {@code bad}. */
@ServerEndpoint(value = "/errors/ballot", encoders = BallotEncoder.class)
public class BallotEndpoint {

    @OnMessage
    public Ballot vote(String choice) {
        return new Ballot(choice);
    }
}
