package io.palisade.reporter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The outbox's byte cap and in-flight bookkeeping, and the backoff's growth. */
class OutboxTest {

    private static byte[] event(int size, int tag) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) tag;
        return bytes;
    }

    @Test
    void dropsTheOldestBeyondTheCap() {
        Outbox outbox = new Outbox(100);
        assertThat(outbox.add(event(40, 1))).isZero();
        assertThat(outbox.add(event(40, 2))).isZero();
        assertThat(outbox.add(event(40, 3))).isEqualTo(1);
        assertThat(outbox.bytes()).isEqualTo(80);
        assertThat(outbox.takeBatch(10)).extracting(e -> (int) e[0]).containsExactly(2, 3);
        assertThat(outbox.add(event(101, 4))).as("larger than the cap: drops itself").isEqualTo(1);
    }

    @Test
    void aFailedBatchStaysInFlightForItsRetryAndADeliveredOneGoes() {
        Outbox outbox = new Outbox(1_000);
        for (int i = 0; i < 5; i++) {
            outbox.add(event(10, i));
        }
        assertThat(outbox.takeBatch(3)).hasSize(3);
        assertThatThrownBy(() -> outbox.takeBatch(1)).isInstanceOf(IllegalStateException.class);
        // The retry is the same events, not the same number of the oldest: nothing newer joins it.
        outbox.add(event(10, 5));
        assertThat(outbox.inFlight()).extracting(e -> (int) e[0]).containsExactly(0, 1, 2);
        assertThat(outbox.size()).isEqualTo(6);
        outbox.delivered();
        assertThat(outbox.size()).isEqualTo(3);
        assertThat(outbox.bytes()).isEqualTo(30);
        outbox.takeBatch(2);
        outbox.release();
        assertThat(outbox.takeBatch(5)).extracting(e -> (int) e[0]).containsExactly(3, 4, 5);
    }

    @Test
    void aRetryLeavesOutWhatTheCapDroppedMeanwhile() {
        Outbox outbox = new Outbox(30);
        outbox.add(event(10, 1));
        outbox.add(event(10, 2));
        outbox.takeBatch(2);
        assertThat(outbox.add(event(20, 3))).isEqualTo(1); // evicts event 1, which was in flight
        assertThat(outbox.inFlight()).extracting(e -> (int) e[0]).containsExactly(2);
    }

    @Test
    void eventsOfTheBatchInFlightThatTheCapDropsAreNotDroppedTwice() {
        Outbox outbox = new Outbox(30);
        outbox.add(event(10, 1));
        outbox.add(event(10, 2));
        outbox.takeBatch(2);
        assertThat(outbox.add(event(20, 3))).isEqualTo(1); // evicts event 1, which was in flight
        outbox.delivered(); // only event 2 remained of the batch
        assertThat(outbox.takeBatch(5)).extracting(e -> (int) e[0]).containsExactly(3);
    }

    @Test
    void backoffDoublesWithJitterUpToItsCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        long[] ceilings = {100, 200, 400, 800, 1000, 1000, 1000};
        for (long ceiling : ceilings) {
            assertThat(backoff.failed().toMillis()).isBetween(ceiling / 2, ceiling);
        }
        backoff.succeeded();
        assertThat(backoff.failed().toMillis()).isBetween(50L, 100L);
        for (int i = 0; i < 3; i++) {
            backoff.failed();
        }
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.failed().toMillis()).isBetween(500L, 1000L);
        }
    }
}
