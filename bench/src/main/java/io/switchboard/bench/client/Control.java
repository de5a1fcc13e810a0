package io.switchboard.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The control connection to {@code /bench/control}: one question at a time, one answer each (see the server's
 * {@code ControlEndpoint}).
 */
public final class Control implements TextListener {

    /** The server's answer to {@code status <room>}. */
    public record Status(int ownSubscribers, int roomMembers, long processed, long failed) {}

    /**
     * The flood rooms' counters, all since the server started.
     *
     * @param healthy       healthy clients' messages that reached the endpoints
     * @param flood         the flooders' messages that reached the endpoints
     * @param rateLimited   messages a {@code DROP} rate limit discarded ({@code RateLimited} events)
     * @param lost          recipients a broadcast dropped or failed
     * @param closed1008    sessions closed with 1008
     */
    public record FloodCounters(long healthy, long flood, long rateLimited, long lost, long closed1008) {}

    /**
     * The plain pinging endpoint's counters, all since the server started.
     *
     * @param sent   pings sent
     * @param failed pings that could not be sent
     * @param pongs  pongs received
     */
    public record PingCounters(long sent, long failed, long pongs) {}

    private volatile Channel channel;
    private volatile CompletableFuture<String> answer;

    /** @param channel an open connection whose listener is this */
    public void attach(Channel channel) {
        this.channel = channel;
    }

    /** Collects garbage on the server (full GCs) and returns the used heap after it, in bytes. */
    public long heapAfterGc() {
        return Long.parseLong(ask("gc").substring("heap ".length()));
    }

    /** The server's subscriber counts and fan-out progress for a room. */
    public Status status(String room) {
        String[] words = ask("status " + room).split(" ");
        return new Status(
                Integer.parseInt(words[1]),
                Integer.parseInt(words[2]),
                Long.parseLong(words[3]),
                Long.parseLong(words[4]));
    }

    /** The flood rooms' counters. */
    public FloodCounters flood() {
        long[] n = numbers(ask("flood"));
        return new FloodCounters(n[0], n[1], n[2], n[3], n[4]);
    }

    /** Messages the inbound endpoints handled since the server started. */
    public long inboundHandled() {
        return numbers(ask("inbound"))[0];
    }

    /** The plain pinging endpoint's counters. */
    public PingCounters pings() {
        long[] n = numbers(ask("pings"));
        return new PingCounters(n[0], n[1], n[2]);
    }

    /** The numbers after an answer's first word. */
    private static long[] numbers(String answer) {
        String[] words = answer.split(" ");
        long[] numbers = new long[words.length - 1];
        for (int i = 1; i < words.length; i++) {
            numbers[i - 1] = Long.parseLong(words[i]);
        }
        return numbers;
    }

    /** Sends a request and waits up to a minute for its answer. */
    public synchronized String ask(String request) {
        CompletableFuture<String> reply = new CompletableFuture<>();
        answer = reply;
        channel.writeAndFlush(new TextWebSocketFrame(request));
        try {
            return reply.get(60, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("No answer to '" + request + "' from the server", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void onText(ByteBuf content) {
        CompletableFuture<String> reply = answer;
        if (reply != null) {
            reply.complete(content.toString(StandardCharsets.UTF_8));
        }
    }

    @Override
    public void onClosed(int code) {
        CompletableFuture<String> reply = answer;
        if (reply != null) {
            reply.completeExceptionally(new IllegalStateException("control connection closed: " + code));
        }
    }
}
