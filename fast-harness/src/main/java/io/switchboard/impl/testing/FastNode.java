package io.switchboard.impl.testing;

import java.io.IOException;
import java.io.InputStream;

/**
 * One node of a cluster in its own JVM: a {@link FastServer} through Switchboard for the endpoints of the packages
 * named on the command line, configured by system properties ({@code -Dswitchboard.backplane=redis ...}). It prints
 * {@code READY <port>} once it serves, and stops cleanly (as an undeploy would) when its standard input ends, so a
 * test stops it gracefully by closing the stream and kills it with {@code SIGKILL}.
 *
 * <pre>{@code
 * java -cp <test class path> -Dswitchboard.backplane=redis io.switchboard.impl.testing.FastNode com.example.ChatEndpoint
 * }</pre>
 */
public final class FastNode {

    private FastNode() {}

    /**
     * Runs a node.
     *
     * @param args one class name from each package to deploy
     * @throws Exception if the node cannot start
     */
    public static void main(String[] args) throws Exception {
        Class<?>[] packages = new Class<?>[args.length];
        for (int i = 0; i < args.length; i++) {
            packages[i] = Class.forName(args[i]);
        }
        try (FastServer server = FastServer.start(FastServer.Mode.SWITCHBOARD, packages)) {
            System.out.println("READY " + server.base().getPort());
            System.out.flush();
            waitForEndOf(System.in);
            System.out.println("STOPPING");
            System.out.flush();
        }
        System.exit(0);
    }

    private static void waitForEndOf(InputStream in) throws IOException {
        byte[] ignored = new byte[256];
        while (in.read(ignored) >= 0) {
            // The test writes nothing; the end of the stream is the signal.
        }
    }
}
