package org.onewindow.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The group commit's queue is bounded: when the database commits slower than decisions arrive,
 * the decision beyond {@code maxQueued} is refused at once ({@link RecordingRefused}, which the API
 * answers 503 with Retry-After) instead of waiting in a queue that grows without end — and every
 * decision it did take is still recorded once the database catches up.
 */
@QuarkusTest
class DecisionBacklogTest {

    @Inject
    DataSource dataSource;

    @Inject
    DecisionLog log;

    @Test
    void aFullBacklogRefusesTheNextDecisionAndRecordsEveryOneItTook() throws Exception {
        String decided = StoredRows.decided();
        List<DecisionWriter.Row> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            rows.add(StoredRows.copyOf(dataSource, decided, References.another(decided)));
        }
        long before = StoredRows.count(dataSource);
        DecisionWriter writer = new DecisionWriter(dataSource, 2);
        try {
            List<CompletableFuture<DecisionWriter.Stored>> taken;
            try (DecisionBatchLock stall = DecisionBatchLock.take(dataSource)) {
                CompletableFuture<DecisionWriter.Stored> first = writer.submit(rows.get(0));
                stall.awaitCommitWaiting();
                taken = List.of(first, writer.submit(rows.get(1)), writer.submit(rows.get(2)));
                RecordingRefused refused = assertThrows(RecordingRefused.class, () -> writer.submit(rows.get(3)));
                assertEquals(RecordingRefused.Reason.BACKLOG_FULL, refused.reason());
                assertFalse(taken.stream().anyMatch(CompletableFuture::isDone), "nothing is answered before its commit");
                stall.release(); // the lock goes: the writer catches up
            }
            for (CompletableFuture<DecisionWriter.Stored> f : taken) {
                DecisionWriter.Stored stored = f.get(60, TimeUnit.SECONDS);
                assertEquals(stored.id(), log.find(stored.reference()).orElseThrow().id());
            }
            assertEquals(before + 3, StoredRows.count(dataSource), "the three taken are stored, the refused one is not");
        } finally {
            writer.stop();
        }
    }

    @Test
    void aStoppedWriterRefusesAsShuttingDown() throws Exception {
        String decided = StoredRows.decided();
        DecisionWriter writer = new DecisionWriter(dataSource, 2);
        writer.stop();
        DecisionWriter.Row row = StoredRows.copyOf(dataSource, decided, References.another(decided));
        assertEquals(RecordingRefused.Reason.SHUTTING_DOWN,
                assertThrows(RecordingRefused.class, () -> writer.submit(row)).reason());
    }

    @Test
    void aBacklogOfNothingIsAConfigurationErrorThatSaysWhich() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DecisionWriter(dataSource, 0));
        assertEquals("onewindow.decision-writer.max-queued must be at least 1, not 0", e.getMessage());
    }
}
