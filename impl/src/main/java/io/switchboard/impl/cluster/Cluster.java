package io.switchboard.impl.cluster;

import io.switchboard.ClusterMember;
import io.switchboard.DeliveryReport;
import io.switchboard.RemoteRoomJoined;
import io.switchboard.RemoteRoomLeft;
import io.switchboard.SessionInfo;
import io.switchboard.impl.config.Settings;
import io.switchboard.impl.delivery.Fanout;
import io.switchboard.impl.delivery.MessageEncoder;
import io.switchboard.impl.delivery.Payload;
import io.switchboard.impl.delivery.Recipient;
import io.switchboard.impl.limit.Bucket;
import io.switchboard.impl.limit.SharedCounts;
import io.switchboard.impl.limit.Tallies;
import io.switchboard.impl.metrics.BackplaneMeters;
import io.switchboard.impl.metrics.SwitchboardMetrics;
import io.switchboard.impl.session.SessionRegistry;
import io.switchboard.impl.session.TrackedSession;
import io.switchboard.spi.Backplane;
import io.switchboard.spi.BackplaneNode;
import io.switchboard.spi.ClusterBroadcast;
import io.switchboard.spi.ClusterBroadcast.Audience;
import io.switchboard.spi.Presence;
import io.switchboard.spi.SharedHistory;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * This node's place in the cluster. Without a backplane ({@code switchboard.backplane} unset or {@code local})
 * every method returns at once and nothing is sent anywhere. With one, a broadcast is
 * published once, encoded once, for the other nodes; the other nodes' broadcasts are delivered here on the
 * backplane's thread, in their order; room membership and (where asked) principals' session counts are shared; an
 * outage is logged once, with its end, and this node's presence is written again when the backplane is back.
 */
@ApplicationScoped
public class Cluster implements BackplaneNode {

    private static final Logger LOG = Logger.getLogger(Cluster.class.getName());

    @Inject
    Instance<Backplane> backplanes;

    @Inject
    Instance<LocalRooms> rooms;

    @Inject
    Instance<RecordedBroadcasts> recorded;

    @Inject
    SessionRegistry sessions;

    @Inject
    Fanout fanout;

    @Inject
    Tallies tallies;

    @Inject
    SwitchboardMetrics metrics;

    private final String id = ProcessHandle.current().pid() + "-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFFFFFL);

    /** The backplane, or {@code null} on a single node: the one field a broadcast reads when alone. */
    private volatile Backplane backplane;

    private volatile ClusterSettings settings;
    private BackplaneMeters meters;
    private Bucket publishRate;
    private ClassLoader application;
    /** Whether the backplane reported itself connected; it starts disconnected. */
    private volatile boolean connected;

    private volatile long outageStartedAt;
    private volatile boolean stopping;
    private volatile boolean unencodableLogged;

    /**
     * Starts the backplane named by {@code switchboard.backplane} as the application starts.
     *
     * @param event the application scope's start
     * @throws IllegalArgumentException if the settings are wrong or name a backplane the deployment lacks
     */
    void start(@Observes @Initialized(ApplicationScoped.class) Object event) {
        settings = ClusterSettings.read(Settings.global());
        if (!settings.clustered()) {
            return;
        }
        Backplane chosen = choose(settings.backplane());
        application = Thread.currentThread().getContextClassLoader();
        meters = metrics.backplane(chosen.name(), () -> connected);
        publishRate = new Bucket(
                new Bucket.Rate(settings.publishRate(), TimeUnit.SECONDS.toNanos(1), settings.publishRate()),
                System.nanoTime());
        // Set first: the backplane may report itself connected from its own thread before start returns.
        backplane = chosen;
        chosen.start(this);
        if (settings.clusterLimits()) {
            tallies.shareAcrossNodes(new BackplaneCounts(chosen));
        }
        LOG.info(() -> "Switchboard: node " + id + " joins the cluster through the " + chosen.name() + " backplane");
    }

    private Backplane choose(String name) {
        List<String> offered = new ArrayList<>();
        for (Backplane candidate : backplanes) {
            if (candidate.name().equals(name)) {
                return candidate;
            }
            offered.add(candidate.name());
        }
        throw new IllegalArgumentException("Switchboard: switchboard.backplane=" + name + " but the deployment has "
                + (offered.isEmpty() ? "no backplane (add switchboard-backplane-" + name + " to the WAR)" : offered));
    }

    @PreDestroy
    void stop() {
        Backplane running = backplane;
        // The backplane reports its connections closing as it stops: not an outage.
        stopping = true;
        backplane = null;
        if (running != null) {
            try {
                running.stop();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Switchboard: the backplane failed to stop cleanly", e);
            }
        }
    }

    /** Whether a backplane connects this node to others. */
    public boolean clustered() {
        return backplane != null;
    }

    @Override
    public String id() {
        return id;
    }

    /**
     * Encodes a broadcast for the other nodes, before anything is delivered here, so that one too large for the
     * cluster is refused everywhere.
     *
     * @param audience whom it is for
     * @param target   the room, endpoint id or principal
     * @param message  text, binary or an object for an encoder
     * @param local    this node's recipients: the first one's endpoint encodes an object message
     * @return the broadcast, or {@code null} on a single node or when no recipient here can encode the object
     * @throws IllegalArgumentException if the encoded message is larger than {@code switchboard.backplane.max-payload}
     */
    public ClusterBroadcast outgoing(
            Audience audience, String target, Object message, Iterable<? extends Recipient> local) {
        if (backplane == null) {
            return null;
        }
        Payload payload = MessageEncoder.asSent(message, local);
        if (payload == null) {
            if (!local.iterator().hasNext() && !unencodableLogged) {
                unencodableLogged = true;
                LOG.warning("Switchboard: a " + message.getClass().getName() + " broadcast had no session on this node "
                        + "whose endpoint encodes it, so it stayed on this node; broadcast text or binary to reach "
                        + "the other nodes (logged once)");
            }
            meters.dropped(BackplaneMeters.Drop.UNENCODABLE);
            return null;
        }
        byte[] bytes = payload.bytes();
        if (bytes.length > settings.maxPayload()) {
            throw new IllegalArgumentException("Switchboard: a broadcast of " + bytes.length + " bytes to "
                    + audience.name().toLowerCase(java.util.Locale.ROOT) + " " + target
                    + " is larger than switchboard.backplane.max-payload (" + settings.maxPayload()
                    + " bytes); nothing was sent");
        }
        return new ClusterBroadcast(id, audience, target, payload.isText(), bytes);
    }

    /**
     * Publishes a broadcast for the other nodes. Called before this node's own fan-out starts: the other nodes then
     * work in parallel with this one instead of after it, and one thread's broadcasts are still published in the
     * order it sent them.
     *
     * @param outgoing what {@link #outgoing} returned (not {@code null})
     * @return completes with whether the backplane took it; never exceptionally
     */
    public CompletionStage<Boolean> publish(ClusterBroadcast outgoing) {
        Backplane running = backplane;
        if (running == null || !admit()) {
            return CompletableFuture.completedFuture(false);
        }
        return running.publish(outgoing).thenApply(taken -> {
            published(taken);
            return taken;
        });
    }

    /**
     * Takes a broadcast's place in this node's publish rate ({@code switchboard.backplane.max-publish-rate}).
     *
     * @return whether it may go to the other nodes; one that may not is counted dropped
     */
    boolean admit() {
        if (publishRate.tryTake(1, System.nanoTime())) {
            return true;
        }
        meters.dropped(BackplaneMeters.Drop.RATE);
        return false;
    }

    /**
     * Counts what became of a publish.
     *
     * @param taken whether the backplane took it (else the engine was unreachable)
     */
    void published(boolean taken) {
        if (taken) {
            meters.published();
        } else {
            meters.dropped(BackplaneMeters.Drop.OUTAGE);
        }
    }

    /**
     * The report of a broadcast that was published and delivered here.
     *
     * @param local     the stage of this node's report
     * @param published what {@link #publish} returned
     * @return the stage of the report with {@link DeliveryReport#published()} set
     */
    public static CompletionStage<DeliveryReport> reported(
            CompletionStage<DeliveryReport> local, CompletionStage<Boolean> published) {
        return local.thenCombine(published, DeliveryReport::withPublished);
    }

    @Override
    public void deliver(ClusterBroadcast broadcast) {
        boolean mine = isMine(broadcast.origin());
        if (mine && broadcast.position() == null) {
            return;
        }
        meters.received();
        Object message = messageOf(broadcast);
        inApplication(() -> {
            if (broadcast.position() != null) {
                // Recorded broadcasts reach every node from the backplane, this one included, in their order.
                recorded.get().arrived(broadcast, message, mine);
                return;
            }
            switch (broadcast.audience()) {
                case ROOM -> rooms.get().deliverLocally(broadcast.target(), message, null);
                case ENDPOINT, PRINCIPAL ->
                    fanout.send(sessions.matching(sessionsOf(broadcast.audience(), broadcast.target())), message, null);
            }
        });
    }

    /**
     * A broadcast's message as this node delivers it.
     *
     * @param broadcast the broadcast
     * @return its text ({@code String}) or its bytes (a read-only {@code ByteBuffer})
     */
    public static Object messageOf(ClusterBroadcast broadcast) {
        return broadcast.text()
                ? new String(broadcast.payload(), StandardCharsets.UTF_8)
                : ByteBuffer.wrap(broadcast.payload()).asReadOnlyBuffer();
    }

    /**
     * The backplane's shared room history, when it keeps one: room broadcasts then go through
     * {@link RecordedBroadcasts}.
     *
     * @return the history, or {@code null} on a single node or with a backplane that keeps none
     */
    public SharedHistory sharedHistory() {
        return backplane instanceof SharedHistory shared ? shared : null;
    }

    /**
     * The origin a broadcast of this node's carries when this node must recognise it as it comes back: the node's id
     * and a ticket number.
     *
     * @param ticket the number
     * @return {@code <id>#<ticket>}
     */
    String origin(long ticket) {
        return id + "#" + ticket;
    }

    /** Whether an origin is this node's, with or without a ticket. */
    boolean isMine(String origin) {
        return origin.startsWith(id) && (origin.length() == id.length() || origin.charAt(id.length()) == '#');
    }

    /**
     * Which of a node's sessions an endpoint or principal broadcast is for: the one definition that both the
     * sending node and the receiving nodes use.
     *
     * @param audience {@code ENDPOINT} or {@code PRINCIPAL}
     * @param target   the endpoint id or the principal's name
     * @return the filter
     * @throws IllegalArgumentException for {@code ROOM}, whose members the room registry knows
     */
    public static Predicate<SessionInfo> sessionsOf(Audience audience, String target) {
        return switch (audience) {
            case ENDPOINT -> session -> session.endpointId().equals(target);
            case PRINCIPAL -> session -> target.equals(principalName(session));
            case ROOM -> throw new IllegalArgumentException("a room's members are the room registry's");
        };
    }

    /**
     * Tells the cluster that a session of this node joined a room.
     *
     * @param session the session
     * @param room    the room
     */
    public void joined(SessionInfo session, String room) {
        Backplane running = backplane;
        if (running != null) {
            running.joined(member(session), room);
        }
    }

    /**
     * Tells the cluster that a session of this node left a room.
     *
     * @param session the session
     * @param room    the room
     */
    public void left(SessionInfo session, String room) {
        Backplane running = backplane;
        if (running != null) {
            running.left(member(session), room);
        }
    }

    /**
     * The members of a room over the cluster; this node's alone without a backplane.
     *
     * @param room      the room
     * @param localOnes this node's members, used without a backplane
     * @return the stage of the members
     */
    public CompletionStage<Set<ClusterMember>> members(String room, Set<SessionInfo> localOnes) {
        Backplane running = backplane;
        if (running == null) {
            return CompletableFuture.completedFuture(
                    localOnes.stream().map(this::member).collect(Collectors.toUnmodifiableSet()));
        }
        return running.members(room);
    }

    /**
     * The rooms over the cluster; this node's alone without a backplane.
     *
     * @param localOnes this node's rooms, used without a backplane
     * @return the stage of the rooms
     */
    public CompletionStage<Set<String>> rooms(Set<String> localOnes) {
        Backplane running = backplane;
        return running == null ? CompletableFuture.completedFuture(localOnes) : running.rooms();
    }

    /**
     * A session of this node as the cluster describes it.
     *
     * @param session the session
     * @return the member
     */
    public ClusterMember member(SessionInfo session) {
        return new ClusterMember(id, session.id(), session.endpointId(), principalName(session));
    }

    @Override
    public void remoteJoined(ClusterMember member, String room) {
        if (settings.presenceEvents() && !member.node().equals(id)) {
            inApplication(() -> sessions.fire(new RemoteRoomJoined(member, room), member));
        }
    }

    @Override
    public void remoteLeft(ClusterMember member, String room) {
        if (settings.presenceEvents() && !member.node().equals(id)) {
            inApplication(() -> sessions.fire(new RemoteRoomLeft(member, room), member));
        }
    }

    @Override
    public boolean presenceEvents() {
        return settings != null && settings.presenceEvents();
    }

    @Override
    public void connectionChanged(boolean up) {
        if (stopping) {
            return;
        }
        Backplane running = backplane;
        String name = running == null ? "the" : "the " + running.name();
        if (up && !connected) {
            connected = true;
            if (outageStartedAt == 0) {
                LOG.info("Switchboard: " + name + " backplane is connected");
            } else {
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - outageStartedAt);
                LOG.warning("Switchboard: " + name + " backplane is reachable again after " + millis
                        + " ms; writing this node's presence again");
            }
            if (running != null) {
                running.restore();
            }
        } else if (!up && connected) {
            connected = false;
            outageStartedAt = System.nanoTime();
            if (meters != null) {
                meters.outage();
            }
            LOG.warning("Switchboard: " + name + " backplane is unreachable; broadcasts reach this node's sessions "
                    + "only, and are dropped for the other nodes until it is back");
        }
    }

    @Override
    public boolean inRoom(String sessionId, String room) {
        TrackedSession session = sessions.tracked(sessionId);
        return session != null && session.roomNames().contains(room);
    }

    @Override
    public int heldHere(String key) {
        return tallies.count(key);
    }

    @Override
    public Presence presence() {
        Map<String, Set<ClusterMember>> members = rooms.get().localMembers(this::member);
        return new Presence(members, settings.clusterLimits() ? tallies.sharedHeld() : Map.of());
    }

    private void inApplication(Runnable work) {
        // Backplane threads (Lettuce's Netty event loop) carry no class loader of the deployment: on WildFly, CDI
        // and the container's send path need it.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(application);
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Switchboard: a broadcast or presence change from another node failed here", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String principalName(SessionInfo session) {
        return session.principal().map(Principal::getName).orElse(null);
    }

    /** The backplane as the connection limits count through it. */
    private record BackplaneCounts(Backplane backplane) implements SharedCounts {
        @Override
        public int acquire(String key) {
            return backplane.acquire(key);
        }

        @Override
        public void release(String key) {
            backplane.release(key);
        }

        @Override
        public int count(String key) {
            return backplane.count(key);
        }
    }
}
