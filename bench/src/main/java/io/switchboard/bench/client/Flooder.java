package io.switchboard.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A client that sends into a room as fast as its connection takes messages ({@code f} followed by a
 * {@link Payload}), from a thread of its own, until stopped or closed. It counts the messages that left it (whole
 * batches whose last write succeeded) and notes the close code the server sent and when.
 */
public final class Flooder implements TextListener {

    private static final int BATCH = 64;

    private final LongAdder sent = new LongAdder();
    private volatile Channel channel;
    private volatile Thread thread;
    private volatile boolean running;
    private volatile long startNanos;
    private volatile long closedNanos;
    private volatile int closeCode;

    /** Opens the flooder's connection (best on a {@link ClientGroup} of its own, so its writes delay no one else). */
    public static Flooder connect(ClientGroup group, URI uri) throws Exception {
        Flooder flooder = new Flooder();
        flooder.channel = group.connect(uri, flooder, 0).get(30, TimeUnit.SECONDS);
        return flooder;
    }

    /**
     * Starts sending.
     *
     * @param round the round, as in the payloads
     * @param size  each message's length in bytes
     */
    public void start(int round, int size) {
        ByteBuf template = Unpooled.unreleasableBuffer(Unpooled.copiedBuffer(
                "f" + Payload.compose(round, System.nanoTime(), size - 1), StandardCharsets.US_ASCII));
        running = true;
        startNanos = System.nanoTime();
        thread = new Thread(() -> flood(template), "flooder");
        thread.setDaemon(true);
        thread.start();
    }

    private void flood(ByteBuf template) {
        Channel ch = channel;
        while (running && ch.isActive()) {
            for (int i = 1; i < BATCH; i++) {
                ch.write(new TextWebSocketFrame(template.duplicate()), ch.voidPromise());
            }
            ChannelFuture last = ch.writeAndFlush(new TextWebSocketFrame(template.duplicate()));
            last.addListener(f -> {
                if (f.isSuccess()) {
                    sent.add(BATCH);
                }
            });
            if (!ch.isWritable()) {
                last.awaitUninterruptibly(100);
            }
        }
    }

    /** Stops sending and waits for the thread to end. */
    public void stop() throws InterruptedException {
        running = false;
        Thread t = thread;
        if (t != null) {
            t.join(10_000);
        }
    }

    /** Messages that left the client. */
    public long sent() {
        return sent.sum();
    }

    /** The close code the server sent, 1006 if the connection dropped without one, 0 while it is open. */
    public int closeCode() {
        return closeCode;
    }

    /** Milliseconds from the start of sending to the connection's end, or NaN while it is open. */
    public double closedAfterMillis() {
        return closeCode == 0 ? Double.NaN : (closedNanos - startNanos) / 1e6;
    }

    /** Closes the connection, if the server has not. */
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    @Override
    public void onText(ByteBuf content) {
        // the room's broadcasts: not what the flooder is about
    }

    @Override
    public void onClosed(int code) {
        closedNanos = System.nanoTime();
        closeCode = code;
    }
}
