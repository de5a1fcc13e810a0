package io.switchboard.samples.chat;

import io.switchboard.Broadcaster;
import io.switchboard.ClusterMember;
import io.switchboard.Heartbeat;
import io.switchboard.MaxMessageSize;
import io.switchboard.RateLimit;
import io.switchboard.Room;
import io.switchboard.RoomHistory;
import io.switchboard.RoomPosition;
import io.switchboard.RoomRecovery;
import io.switchboard.RoomService;
import io.switchboard.SessionInfo;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A chat room per path, {@code ws://host/chat/ws/{room}}, speaking the JSON contract of the sample's README.
 *
 * <p>Everything around the chat is Switchboard's: the JWT and its {@code chat} role are checked before the upgrade
 * ({@code @RolesAllowed}), the session joins the room of its path ({@code @Room}) and leaves it after
 * {@code @OnClose}, the heartbeat, the rate limit (1008) and the size limits (1009) are annotations, and every send
 * goes through the member's bounded send queue. {@link ChatHistory} is {@code @RoomScoped}.
 *
 * <p>Resuming is Switchboard's too ({@code @RoomHistory}): every broadcast to a room gets a position, which the
 * text ones carry ({@code said} as its {@code id}, {@code joined} and {@code left} as {@code position}); a client that
 * reconnects with {@code ?switchboard-since=<the last one it saw>} gets every later broadcast replayed before
 * {@code @OnOpen} runs, which then sends no {@code history}.
 */
@ServerEndpoint("/ws/{room}")
@Room("room")
@RoomHistory(size = 200, ttl = "10m")
@RolesAllowed("chat")
@Heartbeat(interval = "10s", timeout = "5s")
@RateLimit(messages = 10, per = "1s", burst = 20)
@MaxMessageSize(text = "8KiB", binary = "1MiB")
public class ChatEndpoint {

    @Inject
    RoomService rooms;

    @Inject
    Broadcaster broadcaster;

    @Inject
    ChatHistory history;

    /**
     * Sends the newcomer the room's history, unless it resumed (what it missed was replayed ahead of this), then tells
     * every member, the newcomer too, who joined.
     */
    @OnOpen
    public void onOpen(Session session, @PathParam("room") String room) {
        Optional<RoomRecovery> recovery = rooms.recovery(session, room);
        if (recovery.isEmpty() || !recovery.get().recovered()) {
            // Broadcasts past this position reach the session live: the snapshot stops there.
            RoomPosition latest = recovery.map(RoomRecovery::latest).orElse(null);
            broadcaster.toSession(session, text(ServerMessages.history(room, history.messagesUpTo(latest), latest)));
        }
        String user = user(session);
        rooms.broadcastWithPosition(room, position -> text(ServerMessages.joined(room, user, position)));
    }

    /** Answers {@code say} to the whole room and {@code who} to the asker; anything else gets an error. */
    @OnMessage
    public void onText(String frame, Session session, @PathParam("room") String room) {
        ClientMessage message;
        try {
            message = ClientMessage.parse(frame);
        } catch (IllegalArgumentException e) {
            broadcaster.toSession(session, text(ServerMessages.error(e.getMessage())));
            return;
        }
        if (message instanceof ClientMessage.Say say) {
            String from = user(session);
            Instant at = Instant.now();
            // Kept under the room's lock with the position it gets, so that a snapshot taken after a join holds
            // every message up to the joiner's position. Made again if another node took the position first: the
            // history keeps the last one made for this broadcast.
            Object broadcast = new Object();
            rooms.broadcastWithPosition(room, position -> {
                JsonObject said = ServerMessages.said(room, from, say.text(), at, position);
                history.add(broadcast, position, said);
                return text(said);
            });
        } else {
            // Over every node of a cluster (a round trip to the backplane); this node's members if it cannot answer.
            rooms.clusterMembers(room)
                    .thenApply(ChatEndpoint::names)
                    .exceptionally(unreachable -> localNames(room))
                    .thenAccept(names -> broadcaster.toSession(session, text(ServerMessages.members(room, names))));
        }
    }

    /** Relays an image (any binary frame) unchanged to the other members. */
    @OnMessage
    public void onBinary(ByteBuffer data, Session session, @PathParam("room") String room) {
        // The container may reuse its buffer once this returns; the sends are queued and happen later.
        ByteBuffer copy = ByteBuffer.allocate(data.remaining()).put(data).flip();
        rooms.broadcastExcept(room, copy, session);
    }

    /**
     * Tells the others who left. The session leaves the room first (Switchboard would after this returns), so that the
     * {@code left}, which carries its position and so goes to every member, is not queued for the closed session.
     */
    @OnClose
    public void onClose(Session session, @PathParam("room") String room) {
        String user = user(session);
        rooms.leave(session, room);
        rooms.broadcastWithPosition(room, position -> text(ServerMessages.left(room, user, position)));
    }

    private static List<String> names(Set<ClusterMember> members) {
        return members.stream()
                .map(ClusterMember::principal)
                .filter(Objects::nonNull)
                .distinct()
                .sorted()
                .toList();
    }

    private List<String> localNames(String room) {
        return rooms.members(room).stream()
                .map(SessionInfo::principal)
                .flatMap(Optional::stream)
                .map(Principal::getName)
                .distinct()
                .sorted()
                .toList();
    }

    private static String user(Session session) {
        Principal principal = session.getUserPrincipal();
        return principal == null ? "anonymous" : principal.getName();
    }

    private static String text(JsonObject json) {
        return json.toString();
    }
}
