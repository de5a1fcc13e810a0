package io.switchboard.tck.browserclient;

import io.switchboard.RoomService;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The streams {@link StreamControl} started: threads of the application's own that broadcast with positions, as a
 * feed would. They stop when the application does ({@code @PreDestroy}), so a redeploy leaves none behind.
 */
@ApplicationScoped
public class Streams {

    private static final Logger LOG = Logger.getLogger(Streams.class.getName());

    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    @Inject
    RoomService rooms;

    /**
     * Starts broadcasting {@code <position> <prefix><i>} for i from 1 to count.
     *
     * @param room   the room
     * @param count  how many
     * @param prefix put before each number
     * @param pause  milliseconds to wait after each broadcast; 0 for none
     */
    public void start(String room, int count, String prefix, long pause) {
        Thread streamer = new Thread(
                () -> {
                    try {
                        for (int i = 1; i <= count && !stopped; i++) {
                            String text = prefix + i;
                            rooms.broadcastWithPosition(room, position -> position + " " + text);
                            if (pause > 0) {
                                Thread.sleep(pause);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (RuntimeException e) {
                        // The application is going away under the stream: a redeploy test does that on purpose.
                        LOG.log(Level.FINE, "The stream to " + room + " ended", e);
                    } finally {
                        running.remove(Thread.currentThread());
                    }
                },
                "browser-client-stream-" + room);
        streamer.setDaemon(true);
        running.add(streamer);
        streamer.start();
    }

    @PreDestroy
    void stop() {
        stopped = true;
        running.forEach(Thread::interrupt);
    }
}
