package io.switchboard.bench.client;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.LongAdder;

/**
 * One client connection's protocol: the opening handshake, then text messages to a {@link TextListener}, pongs for
 * pings, and the close code. Fragmented messages are not expected from the servers under test and are ignored.
 */
final class WebSocketClientHandler extends SimpleChannelInboundHandler<Object> {

    private final WebSocketClientHandshaker handshaker;
    private final TextListener listener;
    private final LongAdder pings;
    private final CompletableFuture<Channel> opened = new CompletableFuture<>();
    private int closeCode = 1006;

    WebSocketClientHandler(WebSocketClientHandshaker handshaker, TextListener listener, LongAdder pings) {
        this.handshaker = handshaker;
        this.listener = listener;
        this.pings = pings;
    }

    CompletableFuture<Channel> opened() {
        return opened;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        handshaker.handshake(ctx.channel());
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        opened.completeExceptionally(new IllegalStateException("closed before the handshake finished"));
        listener.onClosed(closeCode);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        if (!handshaker.isHandshakeComplete()) {
            try {
                handshaker.finishHandshake(ctx.channel(), (FullHttpResponse) message);
                opened.complete(ctx.channel());
            } catch (RuntimeException e) {
                opened.completeExceptionally(e);
                ctx.close();
            }
            return;
        }
        if (message instanceof TextWebSocketFrame text) {
            if (text.isFinalFragment()) {
                listener.onText(text.content());
            }
        } else if (message instanceof PingWebSocketFrame ping) {
            pings.increment();
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (message instanceof CloseWebSocketFrame close) {
            closeCode = close.statusCode();
            ctx.writeAndFlush(new CloseWebSocketFrame(closeCode == -1 ? 1000 : closeCode, ""))
                    .addListener(f -> ctx.close());
        } else if (message instanceof ContinuationWebSocketFrame) {
            // not used by the servers under test
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        opened.completeExceptionally(cause);
        ctx.close();
    }
}
