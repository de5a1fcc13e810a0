package io.switchboard.samples.chat;

import static io.switchboard.samples.chat.ChatClient.Route.HEADER;
import static io.switchboard.samples.chat.ChatClient.Route.SUBPROTOCOL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.switchboard.RoomPosition;
import io.switchboard.launch.DeployedWar;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The README's wire contract, checked against the packaged WAR on a real Payara Micro in demo mode, with real
 * WebSocket clients over loopback: {@link ChatClient} knows only the contract.
 */
class ChatContractIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A room position's text, {@code <epoch>:<offset>}. */
    private static final String POSITION = "[0-9a-z]{1,32}:[0-9]{1,18}";

    private static DeployedWar war;
    private final List<ChatClient> clients = new ArrayList<>();

    @BeforeAll
    static void startServer() throws Exception {
        war = DeployedWar.at("/chat", ""); // in demo mode: samples/chat/pom.xml
    }

    @AfterEach
    void abortClients() {
        clients.forEach(ChatClient::abort);
    }

    @Test
    void servesThePageAtChat() throws Exception {
        HttpResponse<String> page =
                HTTP.send(HttpRequest.newBuilder(war.page()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"join\"", "id=\"messages\"", "id=\"status\"");
    }

    @Test
    void membersGetHistoryPresenceMessagesImagesAndErrorsOfTheirRoomOnly() throws Exception {
        ChatClient alice = join("alice", "lobby", HEADER);
        assertThat(positioned(alice.next("history"))).isEqualTo(history("lobby"));
        assertThat(positioned(alice.next("joined"))).isEqualTo(presence("joined", "lobby", "alice"));

        ChatClient bob = join("bob", "lobby", SUBPROTOCOL);
        assertThat(bob.socket().getSubprotocol()).isEqualTo("switchboard.bearer");
        assertThat(positioned(bob.next("history"))).isEqualTo(history("lobby"));
        assertThat(positioned(bob.next("joined"))).isEqualTo(presence("joined", "lobby", "bob"));
        assertThat(positioned(alice.next("joined"))).isEqualTo(presence("joined", "lobby", "bob"));

        ChatClient carol = join("carol", "kitchen", HEADER);
        assertThat(positioned(carol.next("history"))).isEqualTo(history("kitchen"));
        assertThat(positioned(carol.next("joined"))).isEqualTo(presence("joined", "kitchen", "carol"));

        // said: to every member, the sender too, with one id; text as sent, markup and all.
        Instant before = Instant.now().minusSeconds(1);
        alice.send(say("hi <b>bob</b> & \"friends\""));
        List<String> ids = new ArrayList<>();
        for (ChatClient member : List.of(alice, bob)) {
            JsonObject said = member.next("said");
            assertThat(said.keySet()).containsExactlyInAnyOrder("type", "room", "from", "text", "at", "id");
            assertThat(said.getString("room")).isEqualTo("lobby");
            assertThat(said.getString("from")).isEqualTo("alice");
            assertThat(said.getString("text")).isEqualTo("hi <b>bob</b> & \"friends\"");
            assertThat(Instant.parse(said.getString("at")))
                    .isBetween(before, Instant.now().plusSeconds(1));
            ids.add(said.getString("id"));
        }
        assertThat(ids.get(0)).matches(POSITION).isEqualTo(ids.get(1));

        // who: to the asker only.
        bob.send(Json.createObjectBuilder().add("type", "who").build());
        JsonObject members = bob.next("members");
        assertThat(members.getString("room")).isEqualTo("lobby");
        assertThat(members.getJsonArray("users").getValuesAs(JsonString::getString))
                .containsExactlyInAnyOrder("alice", "bob");
        alice.assertQuiet();

        // Bad frames: an error to the sender, and the session stays open.
        for (String bad : List.of(
                "not json",
                "[1,2]",
                "{\"type\":\"dance\"}",
                "{\"text\":\"x\"}",
                "{\"type\":\"say\"}",
                "{\"type\":\"say\",\"text\":42}")) {
            bob.sendRaw(bad);
            JsonObject error = bob.next("error");
            assertThat(error.getString("message")).as(bad).isNotBlank();
        }
        bob.send(say("still here"));
        assertThat(bob.next("said").getString("text")).isEqualTo("still here");
        assertThat(alice.next("said").getString("text")).isEqualTo("still here");

        // Binary: unchanged to the others, not back to the sender.
        byte[] image = new byte[200_000];
        new java.util.Random(16).nextBytes(image);
        alice.sendBinary(image);
        assertThat(bob.binaries.poll(ChatClient.WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(image);
        alice.assertQuiet();

        // left: to the others.
        alice.close();
        assertThat(positioned(bob.next("left"))).isEqualTo(presence("left", "lobby", "alice"));

        // Another room saw none of it.
        carol.assertQuiet();
        bob.assertQuiet();
    }

    @Test
    void positionsGrowByOneWithEveryBroadcastAndTheHistoryIsTheRoomsPositionAtTheJoin() throws Exception {
        ChatClient alice = join("alice", "positions", HEADER);
        RoomPosition start = position(alice.next("history"), "position");
        RoomPosition joined = position(alice.next("joined"), "position");
        assertThat(joined).isEqualTo(start.next());
        alice.send(say("one"));
        RoomPosition one = position(alice.next("said"), "id");
        assertThat(one).isEqualTo(joined.next());

        ChatClient bob = join("bob", "positions", SUBPROTOCOL);
        JsonObject history = bob.next("history");
        assertThat(position(history, "position")).isEqualTo(one);
        List<JsonObject> kept = history.getJsonArray("messages").getValuesAs(JsonObject.class);
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).getString("id")).isEqualTo(one.toString());
        assertThat(kept.get(0).getString("text")).isEqualTo("one");
        RoomPosition bobJoined = position(bob.next("joined"), "position");
        assertThat(bobJoined).isEqualTo(one.next());
        assertThat(position(alice.next("joined"), "position")).isEqualTo(bobJoined);

        bob.close();
        assertThat(position(alice.next("left"), "position")).isEqualTo(bobJoined.next());
    }

    @Test
    void aMemberThatReconnectsSinceTheLastIdItSawGetsWhatItMissedReplayedAndNoHistory() throws Exception {
        ChatClient alice = join("alice", "resume", HEADER);
        alice.next("history");
        alice.next("joined");
        ChatClient bob = join("bob", "resume", SUBPROTOCOL);
        bob.next("history");
        bob.next("joined");
        alice.next("joined");
        alice.send(say("seen by bob"));
        alice.next("said");
        String seen = bob.next("said").getString("id");

        bob.close();
        JsonObject bobLeft = alice.next("left");
        List<JsonObject> missed = new ArrayList<>();
        for (String text : List.of("missed 1", "missed 2", "missed 3")) {
            alice.send(say(text));
            missed.add(alice.next("said"));
        }

        ChatClient back = join("bob", "resume?" + RoomPosition.QUERY_PARAMETER + "=" + seen, SUBPROTOCOL);
        // Every broadcast after the position, in order, with its own position (bob's own left among them, as the
        // room saw it), then the live ones: no history.
        assertThat(back.next()).isEqualTo(bobLeft);
        for (JsonObject said : missed) {
            assertThat(back.next()).isEqualTo(said);
        }
        JsonObject joined = back.next();
        assertThat(positioned(joined)).isEqualTo(presence("joined", "resume", "bob"));
        assertThat(alice.next("joined")).isEqualTo(joined);
        back.assertQuiet();

        // Resuming from its own joined: only its own left came since, and still no history.
        back.close();
        JsonObject backLeft = alice.next("left");
        ChatClient again =
                join("bob", "resume?" + RoomPosition.QUERY_PARAMETER + "=" + position(joined, "position"), HEADER);
        assertThat(again.next()).isEqualTo(backLeft);
        assertThat(again.next("joined").getString("user")).isEqualTo("bob");
        again.assertQuiet();
    }

    @Test
    void aMemberThatNamesAnUnreadableForeignOrFuturePositionGetsAHistory() throws Exception {
        ChatClient alice = join("alice", "fresh", HEADER);
        alice.next("history");
        alice.next("joined");
        alice.send(say("kept"));
        JsonObject kept = alice.next("said");
        RoomPosition latest = position(kept, "id");
        ChatClient carol = join("carol", "elsewhere", HEADER);
        carol.next("history");
        RoomPosition foreign = position(carol.next("joined"), "position");

        RoomPosition ahead = new RoomPosition(latest.epoch(), latest.offset() + 1000);
        for (String since : List.of("garbage", foreign.toString(), "zzzz0000:1", ahead.toString())) {
            ChatClient bob = join("bob", "fresh?" + RoomPosition.QUERY_PARAMETER + "=" + since, SUBPROTOCOL);
            JsonObject history = bob.next("history");
            assertThat(history.getJsonArray("messages").getValuesAs(JsonObject.class))
                    .as(since)
                    .containsExactly(kept);
            RoomPosition position = position(history, "position");
            assertThat(position.epoch()).as(since).isEqualTo(latest.epoch());
            assertThat(position.offset()).as(since).isGreaterThanOrEqualTo(latest.offset());
            JsonObject joined = bob.next("joined");
            assertThat(position(joined, "position").offset()).isGreaterThan(position.offset());
            bob.close();
            alice.next("joined");
            alice.next("left");
        }
    }

    @Test
    void handshakesWithoutAValidChatTokenAreRefusedWithAStatus() throws Exception {
        URI room = roomUri("vault");
        assertThat(ChatClient.handshakeStatus(HTTP, room, null, HEADER)).isEqualTo(401);
        assertThat(ChatClient.handshakeStatus(HTTP, room, token("mallory", "guest"), HEADER))
                .isEqualTo(403);
        assertThat(ChatClient.handshakeStatus(HTTP, room, token("mallory", "guest"), SUBPROTOCOL))
                .isEqualTo(403);
        assertThat(ChatClient.handshakeStatus(HTTP, room, forgedToken("mallory"), HEADER))
                .isEqualTo(401);
        assertThat(ChatClient.handshakeStatus(HTTP, room, forgedToken("mallory"), SUBPROTOCOL))
                .isEqualTo(401);
    }

    @Test
    void namesMayHaveAnyLettersAndNothingElse() throws Exception {
        ChatClient zoe = join("Zoë Ødegård", "names", SUBPROTOCOL);
        zoe.next("history");
        assertThat(zoe.next("joined").getString("user")).isEqualTo("Zoë Ødegård");
        HttpResponse<String> refused = HTTP.send(
                HttpRequest.newBuilder(war.page().resolve("api/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("user=%3Cscript%3E"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
    }

    @Test
    void textOver8KiBIsClosedWith1009() throws Exception {
        ChatClient alice = join("alice", "big", HEADER);
        alice.next("history");
        alice.next("joined");
        alice.send(say("x".repeat(8 * 1024 + 1)));
        assertThat(alice.awaitCloseCode()).isEqualTo(1009);
    }

    @Test
    void aFloodOverTheBurstIsClosedWith1008() throws Exception {
        ChatClient flooder = join("flooder", "flood", SUBPROTOCOL);
        flooder.next("history");
        String who = Json.createObjectBuilder().add("type", "who").build().toString();
        for (int i = 0; i < 40 && !flooder.closeCode.isDone(); i++) {
            try {
                flooder.socket().sendText(who, true).join();
            } catch (RuntimeException closedMeanwhile) {
                break;
            }
        }
        assertThat(flooder.awaitCloseCode()).isEqualTo(1008);
    }

    @Test
    void historyKeepsTheLast50AndOutlivesAMemberReconnecting() throws Exception {
        List<ChatClient> senders = new ArrayList<>();
        for (String user : List.of("ann", "ben", "cat")) {
            ChatClient sender = join(user, "archive", HEADER);
            senders.add(sender);
        }
        // 55 messages, one at a time (each waits for its echo), 19 at most per sender: under every burst.
        for (int i = 0; i < 55; i++) {
            ChatClient sender = senders.get(i % 3);
            sender.send(say("m" + i));
            awaitSaid(sender, "m" + i);
        }
        ChatClient ann = senders.get(0);
        ann.close();
        ChatClient again = join("ann", "archive", SUBPROTOCOL);
        JsonObject history = again.next("history");
        assertThat(history.getString("room")).isEqualTo("archive");
        RoomPosition position = position(history, "position");
        List<JsonObject> messages = history.getJsonArray("messages").getValuesAs(JsonObject.class);
        assertThat(messages).hasSize(50);
        assertThat(messages)
                .extracting(m -> m.getString("text"))
                .containsExactlyElementsOf(
                        IntStream.range(5, 55).mapToObj(i -> "m" + i).toList());
        assertThat(messages).allSatisfy(m -> {
            assertThat(m.getString("type")).isEqualTo("said");
            assertThat(m.getString("room")).isEqualTo("archive");
            assertThatCode(() -> Instant.parse(m.getString("at"))).doesNotThrowAnyException();
            assertThat(position(m, "id").epoch()).isEqualTo(position.epoch());
        });
        assertThat(messages)
                .extracting(m -> position(m, "id").offset())
                .isSorted()
                .doesNotHaveDuplicates()
                .allSatisfy(offset -> assertThat(offset).isLessThanOrEqualTo(position.offset()));
        assertThat(messages.get(0).getString("from"))
                .isEqualTo(List.of("ann", "ben", "cat").get(5 % 3));
        assertThat(positioned(again.next("joined"))).isEqualTo(presence("joined", "archive", "ann"));
    }

    private static void awaitSaid(ChatClient client, String text) throws InterruptedException {
        while (true) {
            JsonObject message = client.next();
            if (message.getString("type").equals("said")
                    && message.getString("text").equals(text)) {
                return;
            }
        }
    }

    private ChatClient join(String user, String room, ChatClient.Route route) throws Exception {
        ChatClient client = ChatClient.connect(HTTP, roomUri(room), token(user, null), route);
        clients.add(client);
        return client;
    }

    private static URI roomUri(String room) {
        return war.webSocket("ws/" + room);
    }

    /** A token from the demo endpoint; {@code groups} null for the default ({@code chat}). */
    static String token(String user, String groups) throws Exception {
        String form = "user=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + (groups == null ? "" : "&groups=" + URLEncoder.encode(groups, StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(war.page().resolve("api/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getString("token");
        }
    }

    /** A token like the demo's, signed by a key the server does not know. */
    private static String forgedToken(String user) throws Exception {
        RSAKey key = new RSAKeyGenerator(2048).generate();
        Instant now = Instant.now();
        SignedJWT jwt = new SignedJWT(
                new JWSHeader(JWSAlgorithm.RS256),
                new JWTClaimsSet.Builder()
                        .issuer("switchboard-chat-demo")
                        .subject(user)
                        .claim("upn", user)
                        .claim("groups", List.of("chat"))
                        .issueTime(Date.from(now))
                        .expirationTime(Date.from(now.plusSeconds(600)))
                        .jwtID("forged")
                        .build());
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The position in a field of a frame; fails unless it is one. */
    private static RoomPosition position(JsonObject frame, String field) {
        assertThat(frame.getString(field, null)).as(frame.toString()).matches(POSITION);
        return RoomPosition.parse(frame.getString(field));
    }

    /** A frame without its {@code position}, which must be one. */
    private static JsonObject positioned(JsonObject frame) {
        position(frame, "position");
        return Json.createObjectBuilder(frame).remove("position").build();
    }

    private static JsonObject say(String text) {
        return Json.createObjectBuilder().add("type", "say").add("text", text).build();
    }

    private static JsonObject history(String room) {
        return Json.createObjectBuilder()
                .add("type", "history")
                .add("room", room)
                .add("messages", Json.createArrayBuilder())
                .build();
    }

    private static JsonObject presence(String type, String room, String user) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("room", room)
                .add("user", user)
                .build();
    }
}
