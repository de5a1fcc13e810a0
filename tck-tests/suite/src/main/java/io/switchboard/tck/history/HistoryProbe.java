package io.switchboard.tck.history;

import io.switchboard.RoomService;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;

/**
 * Broadcasts from a thread of the server's, while clients come and go: {@code stream:<room>:<count>} broadcasts
 * {@code <position> m<i>} for i from 1 to count, pausing a millisecond after each, and answers
 * {@code streaming}.
 */
@ServerEndpoint("/history-probe")
public class HistoryProbe {

    @Inject
    RoomService rooms;

    @OnMessage
    public String command(String text) {
        String[] parts = text.split(":");
        if (!parts[0].equals("stream")) {
            return "unknown:" + parts[0];
        }
        String room = parts[1];
        int count = Integer.parseInt(parts[2]);
        Thread streamer = new Thread(
                () -> {
                    try {
                        stream(room, count);
                    } catch (RuntimeException stopped) {
                        // the application stopped under the stream
                    }
                },
                "history-probe-stream");
        streamer.setDaemon(true);
        streamer.start();
        return "streaming";
    }

    private void stream(String room, int count) {
        for (int i = 1; i <= count; i++) {
            int index = i;
            rooms.broadcastWithPosition(room, position -> position + " m" + index);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
