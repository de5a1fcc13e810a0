package io.switchboard.impl.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.switchboard.DeliveryReport;
import io.switchboard.OverflowPolicy;
import io.switchboard.impl.config.SendQueueSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What waits while a write is under way goes in one gathered write, where the writer gathers: within its byte
 * bound, in order, each message accounted for on its own, and counted against the queue's bounds until written.
 * A message that finds the queue idle is written alone at once.
 */
class OutboxGathersWaitingMessagesTest {

    private static final SendQueueSettings ROOMY =
            new SendQueueSettings(1024, 1 << 20, OverflowPolicy.CLOSE, Duration.ofSeconds(10));

    private final RecordingOwner owner = new RecordingOwner();

    @Test
    void whatWaitsDuringAWriteGoesInOneWriteInOrderEachDeliveredOnItsOwn() {
        ControlledWriter writer = new ControlledWriter(1024);
        Outbox outbox = new Outbox(writer, ROOMY, owner);
        List<CompletableFuture<DeliveryReport>> reports = new ArrayList<>();
        List<Payload> offered = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Payload payload = Payload.text("message " + i);
            offered.add(payload);
            reports.add(offer(outbox, payload));
        }
        // The first found the queue idle: written alone, at once; the others wait for it.
        assertThat(writer.writes).containsExactly(List.of(offered.get(0)));
        assertThat(outbox.size()).isEqualTo(6);

        writer.complete();
        assertThat(writer.writes).containsExactly(List.of(offered.get(0)), offered.subList(1, 6));
        assertThat(reports.get(0)).isCompletedWithValueMatching(report -> report.delivered() == 1);
        assertThat(reports.subList(1, 6)).allMatch(report -> !report.isDone());
        assertThat(outbox.size()).as("a gathered message counts until written").isEqualTo(5);

        writer.complete();
        assertThat(reports).allMatch(report -> report.getNow(null).delivered() == 1);
        assertThat(owner.written).containsExactlyElementsOf(offered);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aGatheredWriteTakesNoMoreFrameBytesThanTheWritersBoundAndALargeMessageGoesAlone() {
        // Frames of 10 bytes of text are 12 bytes: three fit a bound of 40, four do not.
        ControlledWriter writer = new ControlledWriter(40);
        Outbox outbox = new Outbox(writer, ROOMY, owner);
        offer(outbox, Payload.text("first"));
        List<Payload> small = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            small.add(Payload.text("ten bytes" + i));
            offer(outbox, small.get(i));
        }
        Payload large = Payload.text("x".repeat(100));
        offer(outbox, large);
        offer(outbox, Payload.text("after"));
        writer.completeInline(true);
        writer.complete();
        assertThat(writer.writes.subList(1, writer.writes.size()))
                .containsExactly(
                        small.subList(0, 3), small.subList(3, 5), List.of(large), List.of(owner.written.get(7)));
        assertThat(owner.written).hasSize(8);
    }

    @Test
    void withGatheredWritesOffTheEndpointWritesOneMessageAtATime() {
        ControlledWriter writer = new ControlledWriter(1 << 16);
        Outbox outbox = new Outbox(
                writer,
                new SendQueueSettings(1024, 1 << 20, OverflowPolicy.CLOSE, Duration.ofSeconds(10), false),
                owner);
        for (int i = 0; i < 5; i++) {
            offer(outbox, Payload.text("message " + i));
        }
        writer.completeInline(true);
        writer.complete();
        assertThat(writer.writes).hasSize(5).allMatch(write -> write.size() == 1);
        assertThat(owner.written).hasSize(5);
    }

    @Test
    void aFailedGatheredWriteFailsEachOfItsMessagesAndDropsTheRest() {
        ControlledWriter writer = new ControlledWriter(1024);
        Outbox outbox = new Outbox(writer, ROOMY, owner);
        offer(outbox, Payload.text("first"));
        CompletableFuture<DeliveryReport> second = offer(outbox, Payload.text("second"));
        CompletableFuture<DeliveryReport> third = offer(outbox, Payload.text("third"));
        writer.complete(); // second and third now go together
        CompletableFuture<DeliveryReport> fourth = offer(outbox, Payload.text("fourth"));
        writer.fail();
        assertThat(second).isCompletedWithValueMatching(report -> report.failed() == 1);
        assertThat(third).isCompletedWithValueMatching(report -> report.failed() == 1);
        assertThat(fourth).isCompletedWithValueMatching(report -> report.dropped() == 1);
        assertThat(owner.writeFailed)
                .as("the connection is reported broken once")
                .isEqualTo(1);
        assertThat(owner.written).hasSize(1);
        assertThat(outbox.size()).isZero();
    }

    @Test
    void aSessionEndingDuringAGatheredWriteFailsEachOfItsMessages() {
        ControlledWriter writer = new ControlledWriter(1024);
        Outbox outbox = new Outbox(writer, ROOMY, owner);
        offer(outbox, Payload.text("first"));
        CompletableFuture<DeliveryReport> second = offer(outbox, Payload.text("second"));
        CompletableFuture<DeliveryReport> third = offer(outbox, Payload.text("third"));
        writer.complete();
        outbox.discard();
        assertThat(second).isCompletedWithValueMatching(report -> report.failed() == 1);
        assertThat(third).isCompletedWithValueMatching(report -> report.failed() == 1);
        assertThat(outbox.writingFor(System.nanoTime())).isZero();
        // The completion that comes after the end changes nothing.
        writer.complete();
        assertThat(owner.written).hasSize(1);
    }

    @Test
    void gatheredMessagesCountAgainstTheQueuesBoundsUntilWritten() {
        ControlledWriter writer = new ControlledWriter(1024);
        Outbox outbox = new Outbox(
                writer, new SendQueueSettings(3, 1 << 20, OverflowPolicy.DROP_NEWEST, Duration.ofSeconds(10)), owner);
        offer(outbox, Payload.text("first"));
        offer(outbox, Payload.text("second"));
        offer(outbox, Payload.text("third"));
        writer.complete(); // second and third are being written together
        assertThat(outbox.size()).isEqualTo(2);
        offer(outbox, Payload.text("fourth"));
        CompletableFuture<DeliveryReport> fifth = offer(outbox, Payload.text("fifth"));
        assertThat(fifth)
                .as("two being written and one waiting fill a capacity of 3")
                .isCompletedWithValueMatching(report -> report.dropped() == 1);
        assertThat(owner.dropped).isEqualTo(1);
    }

    private static CompletableFuture<DeliveryReport> offer(Outbox outbox, Payload payload) {
        Delivery delivery = new Delivery();
        delivery.addRecipient();
        CompletableFuture<DeliveryReport> report = delivery.sealed().toCompletableFuture();
        if (outbox.offer(payload, delivery)) {
            outbox.drain();
        }
        return report;
    }
}
