package io.switchboard.launch;

import io.switchboard.payara.PayaraMicro;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What every sample's {@code -Prun} main does: reads its command line, starts the WAR on Payara Micro through the
 * project's one launcher, prints a banner that says where to look, and runs until Ctrl+C (or until Maven, which
 * started it with {@code exec:exec}, is killed).
 *
 * <p>The command line: {@code --payara P --war W --workdir D --port N [--timeout SECONDS]}, and whatever a sample
 * reads itself with {@link #option}.
 */
public final class SampleRun {

    private final String sample;
    private final Map<String, String> options;

    private SampleRun(String sample, Map<String, String> options) {
        this.sample = sample;
        this.options = options;
    }

    /**
     * Reads the command line; exits with status 2 and the usage if a required option is missing.
     *
     * @param sample the sample's name, for messages
     * @param args   the main's arguments
     * @return the run
     */
    public static SampleRun of(String sample, String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("--payara", "--war", "--workdir", "--port")) {
            if (!options.containsKey(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            System.err.println("Missing " + missing + "; usage: --payara P --war W --workdir D --port N");
            System.exit(2);
        }
        return new SampleRun(sample, options);
    }

    /** A sample's own option, such as {@code --demo}; the default when absent. */
    public String option(String name, String defaultValue) {
        return options.getOrDefault(name, defaultValue);
    }

    /** The HTTP port on 127.0.0.1. */
    public int port() {
        return Integer.parseInt(options.get("--port"));
    }

    /**
     * Starts the WAR, prints the banner and waits until Payara Micro ends; exits with status 1 and the reason if it
     * does not start.
     *
     * @param contextRoot  such as {@code /chat}
     * @param jvmOptions   system properties of Payara's JVM, such as {@code -Dchat.demo=true}
     * @param portProperty the Maven property that moves the port, for the hint when it is taken
     * @param banner       the banner's lines, between the rules (the last line, on stopping, is added)
     */
    public void runUntilStopped(String contextRoot, List<String> jvmOptions, String portProperty, List<String> banner)
            throws Exception {
        PayaraMicro.Setup setup = new PayaraMicro.Setup(
                Path.of(options.get("--payara")),
                Path.of(options.get("--war")),
                Path.of(options.get("--workdir")),
                port(),
                jvmOptions,
                contextRoot);
        Duration timeout = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--timeout", "180")));

        // Maven does not stop what exec:exec started when Maven itself is killed: follow it out.
        ProcessHandle.current().parent().ifPresent(maven -> maven.onExit().thenRun(() -> System.exit(143)));

        PayaraMicro server;
        try {
            server = PayaraMicro.start(setup, "", timeout, null);
        } catch (IllegalStateException e) {
            System.err.println("\nThe " + sample + " sample did not start: " + e.getMessage() + "\n(another port: -D"
                    + portProperty + "=9090)");
            System.exit(1);
            return;
        }
        String rule = "=".repeat(72);
        StringBuilder text = new StringBuilder("\n").append(rule).append('\n');
        for (String line : banner) {
            text.append("  ").append(line).append('\n');
        }
        text.append("  Listening on 127.0.0.1 only. Press Ctrl+C to stop.\n")
                .append(rule)
                .append('\n');
        System.out.println(text);
        System.exit(server.process().waitFor());
    }
}
