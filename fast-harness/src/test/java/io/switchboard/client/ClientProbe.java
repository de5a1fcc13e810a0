package io.switchboard.client;

import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** A {@link ClientListener} that keeps everything a client reports, with the time each state change came. */
final class ClientProbe implements ClientListener {

    /** One state change and when it arrived ({@link System#nanoTime()}). */
    record Change(ClientStateChanged change, long at) {}

    final List<Change> changes = new CopyOnWriteArrayList<>();
    final List<String> texts = new CopyOnWriteArrayList<>();
    final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    final AtomicLong connected = new AtomicLong();

    @Override
    public void onConnected(ClientConnected connected) {
        this.connected.set(connected.connections());
    }

    @Override
    public void onText(String text) {
        texts.add(text);
    }

    @Override
    public void onBinary(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        binaries.add(copy);
    }

    @Override
    public void onStateChanged(ClientStateChanged change) {
        changes.add(new Change(change, System.nanoTime()));
    }

    /** The changes into one state, in order. */
    List<ClientStateChanged> into(ClientState state) {
        return changes.stream().map(Change::change).filter(c -> c.to() == state).collect(Collectors.toList());
    }

    /** When the client last entered this state, or -1. */
    long lastAt(ClientState state) {
        long at = -1;
        for (Change change : changes) {
            if (change.change().to() == state) {
                at = change.at();
            }
        }
        return at;
    }

    /** Waits until the client has entered this state {@code times} times in all. */
    void awaitEntered(ClientState state, int times, Duration within) {
        await().atMost(within).until(() -> into(state).size() >= times);
    }

    /** A readable trail of the changes, for assertion messages. */
    String trail() {
        return changes.stream()
                .map(c -> c.change().to() + "(" + c.change().closeCode() + ", "
                        + c.change().delay().toMillis() + "ms, " + c.change().reason() + ")")
                .collect(Collectors.joining("\n  ", "\n  ", ""));
    }
}
