package io.switchboard.bench.server;

import io.switchboard.Untracked;
import jakarta.websocket.OnMessage;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;

/**
 * The other end of the client part ({@code parts=client}), left to the container ({@link Untracked}) so that the
 * server does as little as it can. One instance per connection (the container's default), so its count is the
 * connection's own:
 * <ul>
 *     <li>{@code end}: answers {@code received <n>}, the messages counted on this connection since the last
 *     {@code end} (the answer leaves after every one before it was handled: they arrive in order), and starts the
 *     count afresh;</li>
 *     <li>{@code push <count> <bytes>}: sends {@code count} text messages of {@code bytes} characters back, one
 *     blocking send after the other on the container's thread;</li>
 *     <li>anything else: counted, nothing more.</li>
 * </ul>
 */
@ServerEndpoint("/bench/client/peer")
@Untracked
public class ClientPeerEndpoint {

    private long received;

    @OnMessage
    public void message(String text, Session session) throws IOException {
        if (text.equals("end")) {
            long count = received;
            received = 0;
            session.getBasicRemote().sendText("received " + count);
        } else if (text.startsWith("push ")) {
            String[] words = text.split(" ");
            int count = Integer.parseInt(words[1]);
            String payload = "p".repeat(Integer.parseInt(words[2]));
            for (int i = 0; i < count; i++) {
                session.getBasicRemote().sendText(payload);
            }
        } else {
            received++;
        }
    }
}
