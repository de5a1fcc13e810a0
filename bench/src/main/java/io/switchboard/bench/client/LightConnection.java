package io.switchboard.bench.client;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One idle WebSocket client connection of a {@link ConnectionFleet}, as light as a connection can be: the whole
 * pipeline is this one handler. It writes the opening handshake itself, checks the {@code 101} and its
 * {@code Sec-WebSocket-Accept}, then reads frames in place (no frame objects, no copy of a payload): a text message's
 * first bytes, {@code <round>,<nanos>,}, go to the fleet's {@link Receipts}, a ping is answered with a pong, a close
 * with a close. Its own frames carry a zero mask key (a load generator's, not a browser's). Fragmented messages are
 * counted at their final fragment.
 */
final class LightConnection extends ChannelInboundHandlerAdapter {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final int PREFIX = 32;

    private final ConnectionFleet fleet;
    private final CompletableFuture<Channel> opened = new CompletableFuture<>();
    private String request;
    private String expectedAccept;
    /** The handshake response read so far; released once it is complete. */
    private ByteBuf response;

    // The frame being read (event loop only).
    private final byte[] header = new byte[14];
    private int headerRead;
    private int opcode;
    private boolean fin;
    private boolean inPayload;
    private long payloadLeft;
    private byte[] payload;
    private int payloadRead;
    /** A fragmented message's first bytes, until its final fragment. */
    private byte[] firstBytes;

    private int firstBytesRead;

    LightConnection(ConnectionFleet fleet, URI uri, String token) {
        this.fleet = fleet;
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        this.expectedAccept = accept(key);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        this.request = "GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
    }

    CompletableFuture<Channel> opened() {
        return opened;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(Unpooled.copiedBuffer(request, StandardCharsets.ISO_8859_1));
        request = null;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (response != null) {
            response.release();
            response = null;
        }
        opened.completeExceptionally(new IllegalStateException("closed before the handshake finished"));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        ByteBuf in = (ByteBuf) message;
        try {
            if (!opened.isDone() && !readResponse(ctx, in)) {
                return;
            }
            readFrames(ctx, in);
        } finally {
            in.release();
        }
    }

    /** Reads the handshake response; true once it is complete and good (the rest of {@code in} is frames). */
    private boolean readResponse(ChannelHandlerContext ctx, ByteBuf in) {
        if (response == null) {
            response = ctx.alloc().heapBuffer(512);
        }
        while (in.isReadable()) {
            response.writeByte(in.readByte());
            int n = response.writerIndex();
            if (n >= 4
                    && response.getByte(n - 4) == '\r'
                    && response.getByte(n - 3) == '\n'
                    && response.getByte(n - 2) == '\r'
                    && response.getByte(n - 1) == '\n') {
                String head = response.toString(StandardCharsets.ISO_8859_1);
                response.release();
                response = null;
                String statusLine = head.substring(0, head.indexOf('\r'));
                if (!statusLine.startsWith("HTTP/1.1 101") || !acceptMatches(head)) {
                    opened.completeExceptionally(new IllegalStateException("handshake refused: " + statusLine));
                    ctx.close();
                    return false;
                }
                expectedAccept = null;
                opened.complete(ctx.channel());
                return true;
            }
            if (n > 16_384) {
                opened.completeExceptionally(new IllegalStateException("handshake response too long"));
                ctx.close();
                return false;
            }
        }
        return false;
    }

    private boolean acceptMatches(String head) {
        for (String line : head.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase("Sec-WebSocket-Accept")) {
                return line.substring(colon + 1).trim().equals(expectedAccept);
            }
        }
        return false;
    }

    private void readFrames(ChannelHandlerContext ctx, ByteBuf in) {
        while (true) {
            if (!inPayload) {
                if (!readHeader(in)) {
                    return;
                }
                inPayload = true;
            }
            int n = (int) Math.min(in.readableBytes(), payloadLeft);
            if (payload != null) {
                int keep = Math.min(n, payload.length - payloadRead);
                in.readBytes(payload, payloadRead, keep);
                payloadRead += keep;
                in.skipBytes(n - keep);
            } else {
                in.skipBytes(n);
            }
            payloadLeft -= n;
            if (payloadLeft > 0) {
                return;
            }
            inPayload = false;
            frameEnd(ctx);
            if (!in.isReadable()) {
                return;
            }
        }
    }

    /** Reads header bytes; true once the header is complete ({@link #payloadLeft} set, possibly zero). */
    private boolean readHeader(ByteBuf in) {
        while (in.isReadable()) {
            header[headerRead++] = in.readByte();
            if (headerRead < 2) {
                continue;
            }
            int length7 = header[1] & 0x7f;
            int needed = 2 + (length7 == 126 ? 2 : length7 == 127 ? 8 : 0) + ((header[1] & 0x80) != 0 ? 4 : 0);
            if (headerRead < needed) {
                continue;
            }
            fin = (header[0] & 0x80) != 0;
            opcode = header[0] & 0x0f;
            long length = length7 == 126
                    ? ((header[2] & 0xffL) << 8) | (header[3] & 0xffL)
                    : length7 == 127 ? readLong(header, 2) : length7;
            headerRead = 0;
            payloadRead = 0;
            // a text message's first bytes (a continuation's are not a message's first bytes); a control frame whole
            payload = opcode >= 8 ? new byte[(int) Math.min(length, 125)] : opcode == 1 ? new byte[PREFIX] : null;
            payloadLeft = length;
            return true;
        }
        return false;
    }

    private void frameEnd(ChannelHandlerContext ctx) {
        switch (opcode) {
            case 1 -> {
                if (fin) {
                    fleet.received(payload, payloadRead);
                } else {
                    firstBytes = payload; // counted at its final fragment
                    firstBytesRead = payloadRead;
                }
            }
            case 0 -> {
                if (fin && firstBytes != null) {
                    fleet.received(firstBytes, firstBytesRead);
                    firstBytes = null;
                }
            }
            case 9 -> {
                fleet.pingAnswered();
                ctx.writeAndFlush(frame(0x8A, payload, payloadRead));
            }
            case 8 -> {
                int code = payloadRead >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1000;
                byte[] reply = {(byte) (code >> 8), (byte) code};
                ctx.writeAndFlush(frame(0x88, reply, 2)).addListener(ChannelFutureListener.CLOSE);
            }
            default -> {
                // pong: nothing to do
            }
        }
        payload = null;
        payloadRead = 0;
    }

    /** A masked frame (mask key zero: the payload stays as it is) of a payload up to 125 bytes. */
    static ByteBuf frame(int first, byte[] payload, int length) {
        ByteBuf frame = Unpooled.buffer(6 + length);
        frame.writeByte(first);
        frame.writeByte(0x80 | length);
        frame.writeInt(0);
        if (length > 0) {
            frame.writeBytes(payload, 0, length);
        }
        return frame;
    }

    private static long readLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (bytes[from + i] & 0xffL);
        }
        return value;
    }

    private static String accept(String key) {
        try {
            byte[] digest =
                    MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        opened.completeExceptionally(cause);
        ctx.close();
    }
}
