package io.switchboard.samples.ticker;

import io.switchboard.Broadcaster;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Publishes a tick of {@code SWB} ten times a second, from the moment the application starts, to every open session
 * of {@link PricesEndpoint}: one {@link Broadcaster#toEndpoint(Class, Object)} call a tick, which encodes it once and
 * queues it for each session. A session that cannot keep up loses its oldest ticks (see
 * {@code META-INF/microprofile-config.properties}) and slows nobody else.
 *
 * <p>The ticks run on the server's default {@code ManagedScheduledExecutorService} where it has one (Payara and
 * WildFly do), else on a daemon thread of this bean's own; either stops when the application does.
 */
@ApplicationScoped
public class PriceTicker {

    /** How often a tick goes out. */
    public static final Duration PERIOD = Duration.ofMillis(100);

    private static final Logger LOG = Logger.getLogger(PriceTicker.class.getName());
    private static final String SERVER_SCHEDULER = "java:comp/DefaultManagedScheduledExecutorService";

    @Inject
    Broadcaster broadcaster;

    private final PriceWalk walk = new PriceWalk("SWB", 100.00, new SplittableRandom());
    private ScheduledExecutorService ownScheduler; // null when the server's runs the ticks
    private ScheduledFuture<?> ticking;

    void start(@Observes @Initialized(ApplicationScoped.class) Object applicationStarted) {
        ScheduledExecutorService scheduler = serverScheduler().orElseGet(this::startOwnScheduler);
        ticking = scheduler.scheduleAtFixedRate(
                this::publish, PERIOD.toMillis(), PERIOD.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One tick to every session. Never throws: a fixed-rate task that throws is never run again. */
    void publish() {
        try {
            broadcaster.toEndpoint(
                    PricesEndpoint.class, walk.next(Instant.now()).toJson());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A tick could not be published; the next one will be tried", e);
        }
    }

    @PreDestroy
    void stop() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }

    private static Optional<ScheduledExecutorService> serverScheduler() {
        try {
            return Optional.of(InitialContext.doLookup(SERVER_SCHEDULER));
        } catch (NamingException | ClassCastException e) {
            LOG.info("No " + SERVER_SCHEDULER + " (" + e + "); ticking on a thread of the ticker's own");
            return Optional.empty();
        }
    }

    private ScheduledExecutorService startOwnScheduler() {
        ownScheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "price-ticker");
            thread.setDaemon(true);
            return thread;
        });
        return ownScheduler;
    }
}
