package io.switchboard.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * WebSocket client connections, as many as needed, all on one NIO event loop group of a few threads (the machine
 * running the benchmark also runs the server).
 */
public final class ClientGroup implements AutoCloseable {

    private static final int MAX_FRAME = 1 << 20;

    private final AtomicInteger failedHandshakes = new AtomicInteger();
    private final LongAdder pingsAnswered = new LongAdder();
    private final EventLoopGroup loops;
    private final Bootstrap bootstrap;

    /** @param threads event loop threads */
    public ClientGroup(int threads) {
        this.loops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(loops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000);
    }

    /**
     * Opens one connection and completes when its handshake has.
     *
     * @param uri       {@code ws://127.0.0.1:port/path}
     * @param listener  what to do with what arrives
     * @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's default
     */
    public CompletableFuture<Channel> connect(URI uri, TextListener listener, int receiveBuffer) {
        WebSocketClientHandshaker handshaker = WebSocketClientHandshakerFactory.newHandshaker(
                uri, WebSocketVersion.V13, null, false, EmptyHttpHeaders.INSTANCE, MAX_FRAME);
        WebSocketClientHandler handler = new WebSocketClientHandler(handshaker, listener, pingsAnswered);
        Bootstrap b = bootstrap.clone();
        if (receiveBuffer > 0) {
            b.option(ChannelOption.SO_RCVBUF, receiveBuffer);
        }
        b.handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(65536), handler);
            }
        });
        b.connect(uri.getHost(), uri.getPort()).addListener(f -> {
            if (!f.isSuccess()) {
                handler.opened().completeExceptionally(f.cause());
            }
        });
        return handler.opened();
    }

    /**
     * Opens many connections, a bounded number of handshakes at a time, and waits for all.
     *
     * @param uri       where to connect
     * @param count     how many
     * @param listeners the listener of the i-th connection
     * @return the open channels
     */
    public List<Channel> connectAll(URI uri, int count, IntFunction<TextListener> listeners)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(64);
        List<CompletableFuture<Channel>> opening = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            CompletableFuture<Channel> channel = connect(uri, listeners.apply(i), 0);
            channel.whenComplete((c, e) -> inFlight.release());
            opening.add(channel);
        }
        List<Channel> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CompletableFuture<Channel> channel = opening.get(i);
            for (int attempt = 1; ; attempt++) {
                try {
                    channels.add(channel.get(60, TimeUnit.SECONDS));
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    if (attempt == 3) {
                        closeAll(channels);
                        throw new IllegalStateException(
                                "Could not open connection " + (i + 1) + " of " + count + " to " + uri
                                        + " in 3 attempts: " + e,
                                e);
                    }
                    failedHandshakes.incrementAndGet();
                    System.err.println("connection " + (i + 1) + " of " + count + " to " + uri + " failed ("
                            + e.getCause() + "); trying again");
                    channel = connect(uri, listeners.apply(i), 0);
                }
            }
        }
        return channels;
    }

    /** Connections of {@link #connectAll} that failed and were opened again. */
    public int failedHandshakes() {
        return failedHandshakes.get();
    }

    /** Pings the server sent to this group's connections, each answered with a pong, so far. */
    public long pingsAnswered() {
        return pingsAnswered.sum();
    }

    /** Closes channels and waits (briefly) until they are closed. */
    public static void closeAll(List<Channel> channels) {
        for (Channel channel : channels) {
            channel.close();
        }
        for (Channel channel : channels) {
            channel.closeFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
