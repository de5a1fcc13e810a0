package io.switchboard.tck.reconnecting;

import io.switchboard.Untracked;
import io.switchboard.client.ClientState;
import io.switchboard.client.ReconnectingSocket;
import io.switchboard.client.WebSocketClient;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.TimeUnit;

/**
 * The test's hands and eyes inside the deployment. Commands, one a message, answered with one message:
 * <ul>
 *   <li>{@code uri|state|states|messages|connections <client>}: where it connects, where it stands, its state changes
 *       and the messages it received (one a line), the number of its last connection;</li>
 *   <li>{@code send <client> <text>}, {@code connect <client>}, {@code renewed <client>} ({@code tokenRenewed()});</li>
 *   <li>{@code restart <n>}: tells {@code loop}'s far end to close with 1012, waits until the client has noticed, then
 *       sends {@code m1..m<n>} through it; answers the state the client was in and how many messages it held;</li>
 *   <li>{@code token <label> <token>}: the {@code guarded} client's token from now on; {@code asked}: how often that
 *       client asked for one; {@code handshakes}: the token labels of the handshakes at the guarded endpoint.</li>
 * </ul>
 * A command that throws is answered {@code failed: <exception>}.
 */
@Untracked
@ServerEndpoint("/links-probe")
public class LinksProbe {

    @Inject
    Links links;

    @Inject
    @WebSocketClient("guarded")
    GuardedToken token;

    @OnMessage
    public String command(String command) throws InterruptedException {
        try {
            return answer(command);
        } catch (RuntimeException failure) {
            // Said to the test, which fails with it, rather than left to the container's log.
            return "failed: " + failure;
        }
    }

    private String answer(String command) throws InterruptedException {
        String[] words = command.split(" ", 3);
        String argument = words.length > 1 ? words[1] : "";
        return switch (words[0]) {
            case "uri" -> links.client(argument).uri().toString();
            case "state" -> links.client(argument).state().name();
            case "states" -> String.join("\n", links.record(argument).states());
            case "messages" -> String.join("\n", links.record(argument).messages());
            case "connections" -> String.valueOf(links.record(argument).connections());
            case "send" -> {
                links.client(argument).sendText(words[2]);
                yield "sent";
            }
            case "connect" -> {
                links.client(argument).connect();
                yield "connecting";
            }
            case "renewed" -> {
                links.client(argument).tokenRenewed();
                yield "renewed";
            }
            case "restart" -> restart(Integer.parseInt(argument));
            case "token" -> {
                token.set(argument, words[2]);
                yield "set";
            }
            case "asked" -> String.valueOf(token.asked());
            case "handshakes" -> String.join("\n", GuardedHandshakes.seen());
            default -> "unknown: " + command;
        };
    }

    private String restart(int messages) throws InterruptedException {
        ReconnectingSocket loop = links.client("loop");
        loop.sendText("restart");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (loop.state() == ClientState.OPEN) {
            if (System.nanoTime() > deadline) {
                return "still open 10 s after the far end was told to restart";
            }
            Thread.sleep(1);
        }
        ClientState state = loop.state();
        for (int i = 1; i <= messages; i++) {
            loop.sendText("m" + i);
        }
        return "state=" + state + " buffered=" + loop.buffered();
    }
}
