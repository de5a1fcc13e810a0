package io.switchboard.impl.delivery.undertow;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.impl.delivery.Payload;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The order of a batch's calls (batching on, the sends, batching off, the flush) and its one report to the outbox,
 * against a stand-in async remote that records the calls and completes the sends when told (as Undertow does after
 * the flush). {@code GatheredWritesIT} runs the real thing on WildFly.
 */
class BatchingWriterTest {

    private final List<String> calls = new ArrayList<>();
    private final List<SendHandler> sends = new ArrayList<>();
    private IOException flushFails;

    private final RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "setBatchingAllowed" -> calls.add("batching " + args[0]);
                    case "flushBatch" -> {
                        calls.add("flush");
                        if (flushFails != null) {
                            throw flushFails;
                        }
                    }
                    case "sendText" -> {
                        calls.add("text " + args[0]);
                        sends.add((SendHandler) args[1]);
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return null;
            });

    private final Session session = (Session) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {Session.class}, (proxy, method, args) -> {
                if (method.getName().equals("getAsyncRemote")) {
                    return remote;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private final List<SendResult> told = new ArrayList<>();

    @Test
    void aBatchIsQueuedWithBatchingOnThenFlushedAfterItIsOffAndReportedOnceWhenAllAreSent() {
        new BatchingWriter(session)
                .writeAll(new Payload[] {Payload.text("a"), Payload.text("b"), Payload.text("c")}, told::add);
        assertThat(calls).containsExactly("batching true", "text a", "text b", "text c", "batching false", "flush");
        sends.get(0).onResult(new SendResult());
        sends.get(1).onResult(new SendResult());
        assertThat(told).isEmpty();
        sends.get(2).onResult(new SendResult());
        assertThat(told).singleElement().matches(SendResult::isOK);
    }

    @Test
    void theFirstFailureIsTheOnlyReport() {
        new BatchingWriter(session).writeAll(new Payload[] {Payload.text("a"), Payload.text("b")}, told::add);
        sends.get(0).onResult(new SendResult(new IOException("broken pipe")));
        sends.get(1).onResult(new SendResult(new IOException("broken pipe")));
        assertThat(told).singleElement().matches(result -> !result.isOK());
    }

    @Test
    void aFlushThatThrowsFailsTheBatchOnceWhateverTheSendsSayLater() {
        flushFails = new IOException("closed");
        new BatchingWriter(session).writeAll(new Payload[] {Payload.text("a"), Payload.text("b")}, told::add);
        assertThat(told).singleElement().matches(result -> result.getException() == flushFails);
        sends.forEach(send -> send.onResult(new SendResult()));
        assertThat(told).hasSize(1);
    }

    @Test
    void aSingleMessageIsSentAsBeforeWithoutBatching() {
        new BatchingWriter(session).write(Payload.text("alone"), told::add);
        assertThat(calls).containsExactly("text alone");
    }
}
