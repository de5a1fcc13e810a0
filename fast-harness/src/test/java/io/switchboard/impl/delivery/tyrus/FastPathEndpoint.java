package io.switchboard.impl.delivery.tyrus;

import io.switchboard.Broadcaster;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Sends what it is asked through Switchboard: {@code text:<bytes>}, {@code binary:<bytes>}, {@code utf8:<repeats>},
 * and {@code mixed:<count>:<bytes>} (that many messages from Switchboard while the endpoint itself sends as many
 * with its basic remote on another thread), {@code burst:<count>} (that many numbered messages of the sizes of
 * {@link TyrusFastPathTest#BURST_SIZES} in turn, back to back). Remembers each session it opens, for the test to
 * write to directly.
 */
@ServerEndpoint("/fast-path")
public class FastPathEndpoint {

    static final BlockingQueue<Session> OPENED = new LinkedBlockingQueue<>();

    @Inject
    Broadcaster broadcaster;

    @OnOpen
    public void open(Session session) {
        OPENED.add(session);
    }

    @OnMessage
    public void command(String command, Session session) {
        run(command, session, broadcaster);
    }

    static void run(String command, Session session, Broadcaster broadcaster) {
        String[] parts = command.split(":");
        switch (parts[0]) {
            case "idle" -> session.setMaxIdleTimeout(Long.parseLong(parts[1]));
            case "text" -> broadcaster.toSession(session, TyrusFastPathTest.ascii(Integer.parseInt(parts[1])));
            case "binary" ->
                broadcaster.toSession(session, ByteBuffer.wrap(TyrusFastPathTest.bytes(Integer.parseInt(parts[1]))));
            case "utf8" -> broadcaster.toSession(session, TyrusFastPathTest.utf8(Integer.parseInt(parts[1])));
            case "mixed" -> {
                int count = Integer.parseInt(parts[1]);
                int size = Integer.parseInt(parts[2]);
                Thread user = new Thread(() -> {
                    try {
                        for (int i = 0; i < count; i++) {
                            session.getBasicRemote().sendText("user:" + i + ":" + TyrusFastPathTest.ascii(size));
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                user.start();
                for (int i = 0; i < count; i++) {
                    broadcaster.toSession(session, "switchboard:" + i + ":" + TyrusFastPathTest.ascii(size));
                }
            }
            case "burst" -> {
                for (int i = 0; i < Integer.parseInt(parts[1]); i++) {
                    broadcaster.toSession(session, TyrusFastPathTest.burstMessage(i));
                }
            }
            default -> throw new IllegalArgumentException(command);
        }
    }
}
