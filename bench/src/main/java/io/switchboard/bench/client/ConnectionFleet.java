package io.switchboard.bench.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Many idle WebSocket client connections ({@link LightConnection}: one handler, no frame objects), spread over
 * loopback source addresses so that ephemeral ports do not run out: each connection binds {@code 127.0.0.x:0} before
 * it connects, {@code x} from 2 upwards, a new address every {@code perAddress} connections (the kernel's ephemeral
 * range holds about 28,000 ports per address; closed connections keep theirs in TIME_WAIT a while, so the addresses
 * go round 2..254 rather than being reused at once). Few connections an address keep {@code bind} cheap: the kernel
 * searches the address's ports for a free one, and that search grows with the ports in use. What the connections
 * receive goes to the current {@link Receipts}.
 */
public final class ConnectionFleet implements AutoCloseable {

    private static final int FIRST = 2;
    private static final int LAST = 254;

    private final EventLoopGroup loops;
    private final Bootstrap bootstrap;
    private final int perAddress;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicInteger failedHandshakes = new AtomicInteger();
    private final LongAdder pingsAnswered = new LongAdder();
    private final LongAdder unexpected = new LongAdder();
    private volatile Receipts receipts;
    private volatile int lowestAddress = Integer.MAX_VALUE;
    private volatile int highestAddress = Integer.MIN_VALUE;

    /**
     * @param threads    event loop threads
     * @param perAddress connections per source address before the next
     */
    public ConnectionFleet(int threads, int perAddress) {
        this.perAddress = perAddress;
        this.loops = new MultiThreadIoEventLoopGroup(threads, NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap()
                .group(loops)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 30_000);
    }

    /** Sends what arrives from now on to these receipts ({@code null}: counted apart, as unexpected). */
    public void receipts(Receipts receipts) {
        this.receipts = receipts;
    }

    void received(byte[] first, int length) {
        Receipts current = receipts;
        if (current == null) {
            unexpected.increment();
        } else {
            current.record(first, length);
        }
    }

    void pingAnswered() {
        pingsAnswered.increment();
    }

    /**
     * Opens one connection from the next source address; completes when the server's {@code 101} has arrived.
     *
     * @param uri   {@code ws://127.0.0.1:port/path}
     * @param token a bearer token for the {@code Authorization} header, or {@code null}
     */
    public CompletableFuture<Channel> connect(URI uri, String token) {
        LightConnection handler = new LightConnection(this, uri, token);
        int address = nextAddress();
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                channel.pipeline().addLast(handler);
            }
        });
        b.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), new InetSocketAddress("127.0.0." + address, 0))
                .addListener(f -> {
                    if (!f.isSuccess()) {
                        handler.opened().completeExceptionally(f.cause());
                    }
                });
        return handler.opened();
    }

    private int nextAddress() {
        long n = connections.getAndIncrement();
        int address = FIRST + (int) ((n / perAddress) % (LAST - FIRST + 1));
        if (address < lowestAddress) {
            lowestAddress = address;
        }
        if (address > highestAddress) {
            highestAddress = address;
        }
        return address;
    }

    /**
     * Opens {@code count} connections, at most {@code inFlight} handshakes at a time, and waits for all; a connection
     * that fails is tried again (twice) once the others are open.
     *
     * @param uri      where to connect
     * @param count    how many
     * @param inFlight the most handshakes under way at once
     * @param tokens   the bearer token of the i-th connection, or {@code null} for none
     * @return the open channels
     */
    public List<Channel> open(URI uri, int count, int inFlight, IntFunction<String> tokens)
            throws InterruptedException {
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<Channel>> opening = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            permits.acquire();
            CompletableFuture<Channel> channel = connect(uri, tokens.apply(i));
            channel.whenComplete((c, e) -> permits.release());
            opening.add(channel);
        }
        List<Channel> channels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            CompletableFuture<Channel> channel = opening.get(i);
            for (int attempt = 1; ; attempt++) {
                try {
                    channels.add(channel.get(120, TimeUnit.SECONDS));
                    break;
                } catch (ExecutionException | TimeoutException e) {
                    if (attempt == 3) {
                        closeAll(channels);
                        throw new IllegalStateException(
                                "Could not open connection " + (i + 1) + " of " + count + " to " + uri
                                        + " in 3 attempts: " + (e.getCause() == null ? e : e.getCause()),
                                e);
                    }
                    if (failedHandshakes.incrementAndGet() <= 10) {
                        System.err.println("connection " + (i + 1) + " of " + count + " to " + uri + " failed ("
                                + (e.getCause() == null ? e : e.getCause()) + "); trying again");
                    }
                    channel = connect(uri, tokens.apply(i));
                }
            }
        }
        return channels;
    }

    /** Closes one connection as a client does: a close frame (1000), then the TCP connection. */
    public static void close(Channel channel) {
        if (channel.isActive()) {
            channel.writeAndFlush(LightConnection.frame(0x88, new byte[] {0x03, (byte) 0xe8}, 2))
                    .addListener(ChannelFutureListener.CLOSE);
        } else {
            channel.close();
        }
    }

    /** Closes connections (a close frame each) and waits until they are closed. */
    public static void closeAll(List<Channel> channels) {
        closeAll(channels, Integer.MAX_VALUE);
    }

    /**
     * Closes connections a batch at a time, each batch closed before the next starts, so that a server sees at most
     * {@code batch} close frames at once (Payara Micro drops I/O events once its worker queue holds 4,096).
     */
    public static void closeAll(List<Channel> channels, int batch) {
        for (int from = 0; from < channels.size(); from += batch) {
            List<Channel> some = channels.subList(from, Math.min(channels.size(), from + batch));
            for (Channel channel : some) {
                close(channel);
            }
            for (Channel channel : some) {
                channel.closeFuture().awaitUninterruptibly(30, TimeUnit.SECONDS);
            }
        }
    }

    /** Connections that failed and were opened again. */
    public int failedHandshakes() {
        return failedHandshakes.get();
    }

    /** Pings the connections answered so far. */
    public long pingsAnswered() {
        return pingsAnswered.sum();
    }

    /** Text messages that arrived while no receipts were set. */
    public long unexpected() {
        return unexpected.sum();
    }

    /** The source addresses used so far, e.g. {@code 127.0.0.2–127.0.0.7}. */
    public String sourceAddresses() {
        return lowestAddress > highestAddress
                ? "none"
                : "127.0.0." + lowestAddress + "–127.0.0." + highestAddress + " (" + perAddress + " per address)";
    }

    @Override
    public void close() {
        loops.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(30, TimeUnit.SECONDS);
    }
}
