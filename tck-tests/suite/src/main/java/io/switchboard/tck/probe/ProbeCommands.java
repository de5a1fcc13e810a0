package io.switchboard.tck.probe;

import io.switchboard.OpenSessions;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a probe endpoint answers: each command a name and the text it answers, {@code unknown:<command>} for any
 * other. Each probe keeps its own {@code @OnMessage} and delegates here rather than inheriting one: JSR 356
 * (section 4.8) does not pass websocket annotations down the class hierarchy, and the probes are {@code @Untracked},
 * so the container itself (Tyrus, Undertow), not Switchboard, reads their annotations.
 */
public final class ProbeCommands {

    private final Map<String, Supplier<?>> answers = new HashMap<>();

    private ProbeCommands() {}

    /** The commands every probe answers: {@code count}, how many sessions Switchboard tracks. */
    public static ProbeCommands counting(OpenSessions sessions) {
        return new ProbeCommands().on("count", sessions::count);
    }

    /** One more command; its answer is {@code String.valueOf} what the supplier gives when asked. */
    public ProbeCommands on(String command, Supplier<?> answer) {
        answers.put(command, answer);
        return this;
    }

    /** A command answering a log's lines, one a line. */
    public ProbeCommands lines(String command, LineLog log) {
        return on(command, () -> String.join("\n", log.lines()));
    }

    /** {@code reset}: runs the actions in order, then answers {@code ok}. */
    public ProbeCommands reset(Runnable... actions) {
        return on("reset", () -> {
            for (Runnable action : actions) {
                action.run();
            }
            return "ok";
        });
    }

    /** The answer to one command. */
    public String answer(String command) {
        Supplier<?> answer = answers.get(command);
        return answer == null ? "unknown:" + command : String.valueOf(answer.get());
    }
}
