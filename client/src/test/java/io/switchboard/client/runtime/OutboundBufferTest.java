package io.switchboard.client.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.client.SendRefusedException;
import io.switchboard.client.runtime.OutboundBuffer.Outgoing;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class OutboundBufferTest {

    private static Outgoing text(String s) {
        return Outgoing.text(s, Utf8Length.of(s));
    }

    @Test
    void boundedByCount() {
        OutboundBuffer buffer = new OutboundBuffer(2, 1_000);
        assertThat(buffer.fits(1)).isTrue();
        buffer.add(text("a"));
        assertThat(buffer.fits(1)).isTrue();
        buffer.add(text("b"));
        assertThat(buffer.fits(0)).isFalse();
        assertThat(buffer.fits(1)).isFalse();
        buffer.removeHead();
        assertThat(buffer.fits(1)).isTrue();
    }

    @Test
    void boundedByBytes() {
        OutboundBuffer buffer = new OutboundBuffer(100, 10);
        assertThat(buffer.fits(10)).isTrue();
        assertThat(buffer.fits(11)).isFalse();
        buffer.add(text("123456"));
        assertThat(buffer.bytes()).isEqualTo(6);
        assertThat(buffer.fits(4)).isTrue();
        assertThat(buffer.fits(5)).isFalse();
        buffer.add(text("é€")); // 2 + 3 bytes would overflow: the caller checks first
        assertThat(buffer.bytes()).isEqualTo(11);
        assertThat(buffer.fits(0)).isFalse();
        buffer.removeHead();
        assertThat(buffer.bytes()).isEqualTo(5);
        assertThat(buffer.fits(5)).isTrue();
    }

    @Test
    void binaryCountsItsRemainingBytes() {
        OutboundBuffer buffer = new OutboundBuffer(10, 100);
        ByteBuffer bytes = ByteBuffer.wrap(new byte[20]);
        bytes.position(5);
        Outgoing binary = Outgoing.binary(bytes);
        assertThat(binary.size).isEqualTo(15);
        buffer.add(binary);
        assertThat(buffer.bytes()).isEqualTo(15);
    }

    @Test
    void keepsOrderAndTheHeadStaysUntilRemoved() {
        OutboundBuffer buffer = new OutboundBuffer(10, 100);
        Outgoing a = text("a");
        Outgoing b = text("b");
        Outgoing c = text("c");
        buffer.add(a);
        buffer.add(b);
        buffer.add(c);
        assertThat(buffer.head()).isSameAs(a);
        assertThat(buffer.head()).isSameAs(a);
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.removeHead()).isSameAs(a);
        assertThat(buffer.head()).isSameAs(b);
        assertThat(buffer.removeHead()).isSameAs(b);
        assertThat(buffer.removeHead()).isSameAs(c);
        assertThat(buffer.head()).isNull();
        assertThat(buffer.removeHead()).isNull();
        assertThat(buffer.bytes()).isZero();
        assertThat(buffer.size()).isZero();
    }

    @Test
    void drainReturnsInOrderAndResets() {
        OutboundBuffer buffer = new OutboundBuffer(10, 100);
        Outgoing a = text("aa");
        Outgoing b = Outgoing.binary(ByteBuffer.wrap(new byte[3]));
        Outgoing c = text("c");
        buffer.add(a);
        buffer.add(b);
        buffer.add(c);
        List<Outgoing> drained = buffer.drain();
        assertThat(drained).containsExactly(a, b, c);
        assertThat(buffer.size()).isZero();
        assertThat(buffer.bytes()).isZero();
        assertThat(buffer.head()).isNull();
        assertThat(buffer.drain()).isEmpty();
        assertThat(buffer.fits(100)).isTrue();
    }

    @Test
    void failCompletesEachFutureWithTheReason() {
        Outgoing a = text("a");
        Outgoing b = text("b");
        OutboundBuffer.fail(List.of(a, b), SendRefusedException.Reason.CLOSED, "client 'x' closed");
        for (Outgoing outgoing : List.of(a, b)) {
            assertThat(outgoing.done).isCompletedExceptionally();
            try {
                outgoing.done.join();
            } catch (CompletionException e) {
                assertThat(e.getCause())
                        .isInstanceOf(SendRefusedException.class)
                        .hasMessage("client 'x' closed");
                assertThat(((SendRefusedException) e.getCause()).reason())
                        .isEqualTo(SendRefusedException.Reason.CLOSED);
                continue;
            }
            throw new AssertionError("not failed");
        }
        OutboundBuffer.fail(List.of(), SendRefusedException.Reason.CLOSED, "nothing");
    }

    @Test
    void binaryBytesCanBeReReadAfterAPartialRead() {
        byte[] payload = "hello world".getBytes(StandardCharsets.US_ASCII);
        ByteBuffer source = ByteBuffer.wrap(payload);
        Outgoing outgoing = Outgoing.binary(source);

        ByteBuffer first = outgoing.bytes();
        first.get(new byte[4]); // a write that broke off part way
        assertThat(first.remaining()).isEqualTo(7);

        ByteBuffer again = outgoing.bytes();
        assertThat(again.remaining()).isEqualTo(payload.length);
        byte[] read = new byte[again.remaining()];
        again.get(read);
        assertThat(read).isEqualTo(payload);
        assertThat(outgoing.bytes().isReadOnly()).isTrue();
        assertThat(source.position()).isZero(); // the caller's buffer is not consumed
    }

    @Test
    void binaryKeepsTheCallersStartPosition() {
        ByteBuffer source = ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5});
        source.position(2);
        Outgoing outgoing = Outgoing.binary(source);
        source.position(5); // the caller moves on
        ByteBuffer bytes = outgoing.bytes();
        assertThat(bytes.remaining()).isEqualTo(3);
        assertThat(bytes.get()).isEqualTo((byte) 3);
    }

    @Test
    void textKeepsItsText() {
        Outgoing outgoing = text("héllo");
        assertThat(outgoing.text).isEqualTo("héllo");
        assertThat(outgoing.binary).isNull();
        assertThat(outgoing.size).isEqualTo(6);
        assertThat(outgoing.done).isNotDone();
    }
}
