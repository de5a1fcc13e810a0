package io.switchboard.tck.browserclient;

import io.switchboard.RoomService;
import io.switchboard.SessionInfo;
import io.switchboard.Untracked;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * What a browser-client test asks of the server, besides the page's own connection. Untracked. Commands:
 *
 * <ul>
 *   <li>{@code stream:<room>:<count>:<prefix>:<pause ms>} broadcasts {@code <position> <prefix><i>} to the room for
 *       i from 1 to count from a thread of the server's, pausing after each; answers {@code streaming}.
 *   <li>{@code close:<room>:<code>} closes every member of the room with that close code, from this thread (as
 *       application code would, while broadcasts go on); answers {@code closed:<how many>}.
 *   <li>{@code members:<room>} answers {@code members:<how many>}.
 * </ul>
 */
@Untracked
@ServerEndpoint("/browser-client-control")
public class StreamControl {

    @Inject
    RoomService rooms;

    @Inject
    Streams streams;

    @OnMessage
    public String command(String text) {
        String[] parts = text.split(":");
        String room = parts.length > 1 ? parts[1] : "";
        switch (parts[0]) {
            case "stream" -> {
                streams.start(room, Integer.parseInt(parts[2]), parts[3], Long.parseLong(parts[4]));
                return "streaming";
            }
            case "close" -> {
                int code = Integer.parseInt(parts[2]);
                int closed = 0;
                for (SessionInfo member : rooms.members(room)) {
                    try {
                        member.session()
                                .close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), "closed by test"));
                        closed++;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return "closed:" + closed;
            }
            case "members" -> {
                return "members:" + rooms.members(room).size();
            }
            default -> {
                return "unknown:" + parts[0];
            }
        }
    }
}
