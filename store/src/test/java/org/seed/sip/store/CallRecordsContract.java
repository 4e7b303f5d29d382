package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.calls.CallEnd;
import org.seed.sip.store.calls.CallRecord;
import org.seed.sip.store.calls.CallRecordQuery;
import org.seed.sip.store.calls.NewCallRecord;

/** Call detail records: opened at the start, closed at the end, listed newest first. Part of {@link StoreContractTest}. */
interface CallRecordsContract {

    String ALICE = "sip:alice@example.com";
    String BOB = "sip:bob@example.com";
    String CAROL = "sip:carol@example.com";
    Instant T0 = Instant.parse("2030-03-01T10:00:00.123456Z");

    Store store();

    private String call(String caller, String callee, Instant started, String node) {
        return store().callRecords().open(new NewCallRecord(caller, callee, started, node));
    }

    private List<CallRecord> find(AddressOfRecord user, Instant from, Instant to, int limit) {
        return store().callRecords().find(new CallRecordQuery(user, from, to, limit));
    }

    @Test
    default void aRecordIsOpenUntilItsCallEndsThenHasEveryFieldAndItsDuration() {
        String id = call(ALICE, BOB, T0, "node-1");
        assertThat(store().callRecords().find(CallRecordQuery.newest())).singleElement()
                .satisfies(open -> {
                    assertThat(open.isOpen()).isTrue();
                    assertThat(open).extracting(CallRecord::caller, CallRecord::callee, CallRecord::node, CallRecord::started)
                            .containsExactly(ALICE, BOB, "node-1", T0);
                    assertThat(open.endCause()).isNull();
                });

        boolean closed = store().callRecords().close(id, new CallEnd(T0.plusSeconds(4), T0.plus(Duration.ofMillis(65_500)),
                "sip:voicemail@example.net", "sip:carol@example.com", "callee-bye", 3));

        assertThat(closed).isTrue();
        assertThat(store().callRecords().find(CallRecordQuery.newest())).containsExactly(new CallRecord(id, ALICE, BOB,
                "node-1", T0, T0.plusSeconds(4), T0.plus(Duration.ofMillis(65_500)), Duration.ofMillis(61_500),
                "sip:voicemail@example.net", "sip:carol@example.com", "callee-bye", 3));
    }

    @Test
    default void anUnansweredCallHasNoDurationAndARecordIsClosedOnlyOnce() {
        String id = call(ALICE, BOB, T0, "node-1");

        assertThat(store().callRecords().close(id, new CallEnd(null, T0.plusSeconds(20), null, null, "486", 1))).isTrue();
        assertThat(store().callRecords().close(id, new CallEnd(null, T0.plusSeconds(30), null, null, "cancelled", 1))).isFalse();
        assertThat(store().callRecords().close("no-such-id", new CallEnd(null, T0, null, null, "cancelled", 1))).isFalse();

        assertThat(store().callRecords().find(CallRecordQuery.newest())).singleElement().satisfies(record -> {
            assertThat(record.duration()).isNull();
            assertThat(record.endCause()).isEqualTo("486");
            assertThat(record.ended()).isEqualTo(T0.plusSeconds(20));
        });
    }

    @Test
    default void aRestartingNodeClosesOnlyItsOwnOpenRecordsAsInterrupted() {
        String answered = call(ALICE, BOB, T0, "node-1");
        String ringing = call(CAROL, BOB, T0.plusSeconds(1), "node-1");
        String ended = call(BOB, ALICE, T0.plusSeconds(2), "node-1");
        String elsewhere = call(ALICE, CAROL, T0.plusSeconds(3), "node-2");
        store().callRecords().close(ended, new CallEnd(T0.plusSeconds(3), T0.plusSeconds(9), null, null, "caller-bye", 2));
        Instant restart = T0.plusSeconds(600);

        assertThat(store().callRecords().closeInterrupted("node-1", restart)).isEqualTo(2);

        List<CallRecord> records = store().callRecords().find(CallRecordQuery.newest());
        assertThat(records).extracting(CallRecord::id).containsExactly(elsewhere, ended, ringing, answered);
        assertThat(records).extracting(CallRecord::endCause).containsExactly(null, "caller-bye", "interrupted", "interrupted");
        assertThat(records).extracting(CallRecord::ended).containsExactly(null, T0.plusSeconds(9), restart, restart);
        assertThat(records.get(1).duration()).isEqualTo(Duration.ofSeconds(6));
        assertThat(store().callRecords().closeInterrupted("node-1", restart)).isZero();
    }

    @Test
    default void recordsAreFoundByUserAsEitherPartyAndByStartNewestFirst() {
        String first = call(ALICE, BOB, T0, "node-1");
        String second = call(BOB, CAROL, T0.plusSeconds(60), "node-1");
        String third = call(CAROL, ALICE, T0.plusSeconds(120), "node-1");
        String fourth = call(ALICE, "sip:dave@example.net", T0.plusSeconds(180), "node-1");
        AddressOfRecord alice = AddressOfRecord.parse(ALICE);

        assertThat(find(alice, null, null, 100)).extracting(CallRecord::id).containsExactly(fourth, third, first);
        assertThat(find(AddressOfRecord.parse(BOB), null, null, 100)).extracting(CallRecord::id).containsExactly(second, first);
        // from is inclusive, to exclusive
        assertThat(find(null, T0.plusSeconds(60), T0.plusSeconds(180), 100)).extracting(CallRecord::id)
                .containsExactly(third, second);
        assertThat(find(alice, T0.plus(1, ChronoUnit.MICROS), null, 100)).extracting(CallRecord::id).containsExactly(fourth, third);
        assertThat(find(null, null, null, 2)).extracting(CallRecord::id).containsExactly(fourth, third);
    }
}
