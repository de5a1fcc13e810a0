package io.switchboard.impl.delivery;

import io.switchboard.DeliveryReport;
import io.switchboard.impl.metrics.SwitchboardMetrics;
import io.switchboard.impl.tracing.BroadcastTrace;
import io.switchboard.impl.tracing.SwitchboardTracing;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.EncodeException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Puts one message into many send queues. The message is encoded once per endpoint; each queue gets it in the
 * calling thread, so messages one thread sends reach every session in order. Starting the writes of queues that
 * were idle is what costs (the container frames and writes in {@code sendText}): for many sessions that work is
 * split between the calling thread and the deployment's fan-out threads, one fewer than the cores, so a large
 * room uses every core. Nothing here waits for a peer.
 */
@ApplicationScoped
public class Fanout {

    private static final Logger LOG = Logger.getLogger(Fanout.class.getName());
    /** Below this many idle queues to start, the calling thread starts them all: handing over costs more. */
    static final int PARALLEL_THRESHOLD = 64;

    private final int helpers = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    private volatile ThreadPoolExecutor executor;

    @Inject
    SwitchboardMetrics metrics;

    @Inject
    SwitchboardTracing tracing;

    /**
     * Sends a message to each recipient but one.
     *
     * @param recipients who receive it; iterated once
     * @param message    text, binary or an object for the recipients' encoders
     * @param excluded   who does not, or {@code null}
     * @return the stage of the delivery report
     */
    public CompletionStage<DeliveryReport> send(
            Iterable<? extends Recipient> recipients, Object message, Recipient excluded) {
        return start(queue(recipients, message, excluded));
    }

    /**
     * The first half of {@link #send(Iterable, Object, Recipient)}: puts a message into each recipient's queue but
     * one, without starting any write, so a caller can queue under a lock of its own and start the writes after.
     *
     * @param recipients who receive it; iterated once
     * @param message    text, binary or an object for the recipients' encoders
     * @param excluded   who does not, or {@code null}
     * @return what {@link #start(Queued)} needs
     */
    public Queued queue(Iterable<? extends Recipient> recipients, Object message, Recipient excluded) {
        BroadcastTrace trace = tracing.broadcast();
        Delivery delivery = new Delivery();
        List<Outbox> idle = new ArrayList<>();
        Encodings encodings = new Encodings(message);
        int count = 0;
        for (Recipient recipient : recipients) {
            if (recipient == excluded) {
                continue;
            }
            count++;
            delivery.addRecipient();
            Payload payload = encodings.of(recipient.encoder());
            if (payload == null) {
                delivery.failed();
            } else if (recipient.outbox().offer(payload, delivery)) {
                idle.add(recipient.outbox());
            }
        }
        return new Queued(delivery, idle, count, trace);
    }

    /**
     * The second half: starts the writes of the queues that were idle.
     *
     * @param queued what {@link #queue} returned
     * @return the stage of the delivery report
     */
    public CompletionStage<DeliveryReport> start(Queued queued) {
        start(queued.idle);
        metrics.broadcast(queued.count);
        CompletionStage<DeliveryReport> report = queued.delivery.sealed();
        if (queued.trace != BroadcastTrace.NONE) {
            BroadcastTrace trace = queued.trace;
            report.whenComplete((r, failure) -> {
                if (r != null) {
                    trace.reported(r.recipients(), r.queued(), r.delivered(), r.dropped(), r.failed());
                } else {
                    trace.reported(queued.count, 0, 0, 0, queued.count);
                }
            });
        }
        return report;
    }

    /** A message queued for its recipients, whose idle queues have not been started yet. */
    public static final class Queued {
        private final Delivery delivery;
        private final List<Outbox> idle;
        private final int count;
        private final BroadcastTrace trace;

        private Queued(Delivery delivery, List<Outbox> idle, int count, BroadcastTrace trace) {
            this.delivery = delivery;
            this.idle = idle;
            this.count = count;
            this.trace = trace;
        }
    }

    /**
     * Sends a message to one recipient.
     *
     * @param recipient who receives it
     * @param payload   the message, encoded
     * @return the stage of the delivery report
     */
    public CompletionStage<DeliveryReport> send(Recipient recipient, Payload payload) {
        Delivery delivery = new Delivery();
        delivery.addRecipient();
        if (recipient.outbox().offer(payload, delivery)) {
            recipient.outbox().drain();
        }
        return delivery.sealed();
    }

    private void start(List<Outbox> idle) {
        int count = idle.size();
        if (count < PARALLEL_THRESHOLD) {
            idle.forEach(Outbox::drain);
            return;
        }
        int shares = helpers + 1;
        int share = (count + shares - 1) / shares;
        ExecutorService threads = executor();
        for (int from = share; from < count; from += share) {
            List<Outbox> part = idle.subList(from, Math.min(count, from + share));
            threads.execute(() -> part.forEach(Outbox::drain));
        }
        idle.subList(0, Math.min(count, share)).forEach(Outbox::drain);
    }

    private ExecutorService executor() {
        ThreadPoolExecutor found = executor;
        if (found != null) {
            return found;
        }
        synchronized (this) {
            if (executor == null) {
                ClassLoader application = Thread.currentThread().getContextClassLoader();
                ThreadPoolExecutor created = new ThreadPoolExecutor(
                        helpers, helpers, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
                            Thread thread = new Thread(task, "switchboard-fanout");
                            thread.setDaemon(true);
                            thread.setContextClassLoader(application);
                            return thread;
                        });
                created.allowCoreThreadTimeOut(true);
                executor = created;
            }
            return executor;
        }
    }

    @PreDestroy
    void stop() {
        ThreadPoolExecutor running = executor;
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The message as each endpoint encodes it, computed once per endpoint; a failure is logged once. */
    private static final class Encodings {
        private final Object message;
        private final Map<MessageEncoder, Payload> byEncoder = new IdentityHashMap<>(4);
        private MessageEncoder lastEncoder;
        private Payload lastPayload;

        Encodings(Object message) {
            this.message = message;
            if (MessageEncoder.needsNoEncoder(message)) {
                // Text and binary are the same for every endpoint.
                try {
                    lastPayload = MessageEncoder.PLAIN.encode(message);
                } catch (EncodeException cannotHappen) {
                    throw new IllegalStateException(cannotHappen);
                }
                universal = true;
            }
        }

        private boolean universal;

        Payload of(MessageEncoder encoder) {
            if (universal || encoder == lastEncoder) {
                return lastPayload;
            }
            Payload payload;
            if (byEncoder.containsKey(encoder)) {
                payload = byEncoder.get(encoder);
            } else {
                try {
                    payload = encoder.encode(message);
                } catch (EncodeException e) {
                    LOG.log(
                            Level.WARNING,
                            "Switchboard: cannot send a " + message.getClass().getName() + " to some sessions: "
                                    + e.getMessage(),
                            e.getCause());
                    payload = null;
                }
                byEncoder.put(encoder, payload);
            }
            lastEncoder = encoder;
            lastPayload = payload;
            return payload;
        }
    }
}
