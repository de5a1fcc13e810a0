package io.switchboard.launch;

/**
 * Stops a server process when the JVM exits, unless it was stopped before: a shutdown hook that {@link #close}
 * runs at once and takes back. Every launcher holds one, so a test JVM that dies leaves no server behind.
 */
public final class StopOnExit implements AutoCloseable {

    private final Runnable stop;
    private final Thread hook;

    /**
     * Registers the hook.
     *
     * @param name what it stops, for the hook thread's name
     * @param stop stops the server; may run twice (at close, then never again as a hook, or only as the hook)
     */
    public StopOnExit(String name, Runnable stop) {
        this.stop = stop;
        this.hook = new Thread(stop, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Stops the server now and takes the hook back. */
    @Override
    public void close() {
        stop.run();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDownAlready) {
            // the hook runs, or ran, the stop itself
        }
    }
}
