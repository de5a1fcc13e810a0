package io.switchboard.bench.server;

import io.switchboard.Untracked;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The publisher's endpoint, left to the container ({@link Untracked}): each text message is one mode character
 * ({@code a} basic loop, {@code b} async loop, {@code c} Switchboard broadcast, {@code h} Switchboard broadcast
 * with the position written into the message, for rooms with history) followed by the message the subscribers of
 * the room receive. Messages of one connection are handled one after the other, on the
 * container's thread that read them.
 */
@ServerEndpoint("/bench/pub/{room}")
@Untracked
public class PublisherEndpoint {

    @OnMessage
    public void publish(String message, @PathParam("room") String room) {
        String text = message.substring(1);
        switch (message.charAt(0)) {
            case 'a' -> FanOut.basic(room, text);
            case 'b' -> FanOut.async(room, text);
            case 'c' -> {
                if (!FanOut.switchboard(room, text)) {
                    FanOut.FAILED.increment();
                }
            }
            case 'h' -> {
                if (!FanOut.history(room, text)) {
                    FanOut.FAILED.increment();
                }
            }
            default -> FanOut.FAILED.increment();
        }
        FanOut.PROCESSED.incrementAndGet();
    }
}
