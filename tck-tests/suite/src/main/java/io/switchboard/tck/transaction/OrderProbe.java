package io.switchboard.tck.transaction;

import io.switchboard.Untracked;
import io.switchboard.tck.transaction.feed.StageOutcome;
import jakarta.inject.Inject;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.util.concurrent.CompletionStage;

/**
 * Places orders through {@link OrderDesk} from a WebSocket callback, and reads them and their stages back. Untracked
 * itself. Commands ({@code name:arg:...}): {@code place:<room>:<id>:<item>:<holdMillis>} ({@code placed:<id>} once
 * committed), {@code fail:<room>:<id>:<item>} ({@code refused:<id>} once rolled back),
 * {@code doomed:<room>:<id>:<item>}, {@code find:<id>} ({@code found:<item>} or {@code none}),
 * {@code stage:<id>:<waitMillis>} (see {@link StageOutcome}).
 */
@Untracked
@ServerEndpoint("/order-probe")
public class OrderProbe {

    @Inject
    OrderDesk desk;

    @OnMessage
    public String command(String command) throws InterruptedException {
        String[] args = command.split(":");
        switch (args[0]) {
            case "place":
                desk.place(args[1], args[2], args[3], Long.parseLong(args[4]));
                return "placed:" + args[2];
            case "fail":
                try {
                    desk.placeThenFail(args[1], args[2], args[3]);
                    return "not refused:" + args[2];
                } catch (OrderRefused e) {
                    return "refused:" + args[2];
                }
            case "doomed":
                try {
                    desk.placeDoomed(args[1], args[2], args[3]);
                    return "doomed:" + args[2];
                } catch (RuntimeException e) {
                    // A server may report the rollback of a marked transaction; the order is gone either way.
                    return "doomed:" + args[2];
                }
            case "find":
                String item = desk.find(args[1]);
                return item == null ? "none" : "found:" + item;
            case "stage":
                CompletionStage<io.switchboard.DeliveryReport> stage = desk.stage(args[1]);
                return stage == null ? "no stage" : StageOutcome.of(stage, Long.parseLong(args[2]));
            default:
                return "unknown command " + command;
        }
    }
}
