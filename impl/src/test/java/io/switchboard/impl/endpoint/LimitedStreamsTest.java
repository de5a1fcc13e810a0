package io.switchboard.impl.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The streams the bridge hands an endpoint: they stop at the limit after asking for the close, and they mark a failure
 * of the container's own stream, so that a read the closing connection broke is not taken for the endpoint's bug.
 */
class LimitedStreamsTest {

    @Test
    void aReaderStopsPastTheLimitAfterAskingForTheClose() throws IOException {
        AtomicInteger closes = new AtomicInteger();
        Reader reader = (Reader) LimitedStreams.limit(new StringReader("é".repeat(6)), 10, closes::incrementAndGet);
        char[] buffer = new char[5];
        assertThat(reader.read(buffer, 0, 5)).isEqualTo(5); // 10 bytes of UTF-8: at the limit
        assertThat(closes).hasValue(0);
        assertThatThrownBy(reader::read).isInstanceOf(IOException.class).hasMessageContaining("limit is 10 bytes");
        assertThat(closes).hasValue(1);
    }

    @Test
    void anUnlimitedStreamPassesEverything() throws IOException {
        InputStream in =
                (InputStream) LimitedStreams.limit(new ByteArrayInputStream(new byte[100_000]), Long.MAX_VALUE, () -> {
                    throw new AssertionError("no limit to pass");
                });
        assertThat(in.readAllBytes()).hasSize(100_000);
    }

    @Test
    void aFailureOfTheContainersStreamIsMarkedHoweverTheEndpointRethrowsIt() {
        Reader broken = new Reader() {
            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                throw new IOException("Websocket session has been closed.");
            }

            @Override
            public void close() {}
        };
        Reader reader = (Reader) LimitedStreams.limit(broken, 10, () -> {});
        IOException failed = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, reader::read);
        assertThat(LimitedStreams.isReadFailure(failed)).isTrue();
        assertThat(LimitedStreams.isReadFailure(new UncheckedIOException(failed)))
                .isTrue();
        assertThat(LimitedStreams.isReadFailure(new IOException("the endpoint's own file")))
                .isFalse();
    }

    @Test
    void otherMessagesAreHandedOverAsTheyAre() {
        Object text = "whole";
        assertThat(LimitedStreams.streamed(text)).isFalse();
        assertThat(LimitedStreams.streamed(new StringReader(""))).isTrue();
        assertThat(LimitedStreams.limit(text, 1, () -> {})).isSameAs(text);
    }
}
