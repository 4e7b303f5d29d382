package org.seed.sip.store.calls;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code call_records}: one {@link CallRecord}. */
@Entity
@Table(name = "call_records")
public class CallRecordRow {

    @Id
    @Column(name = "id", length = 64)
    private String id;

    @Column(name = "caller", nullable = false, length = 512)
    private String caller;

    @Column(name = "callee", nullable = false, length = 512)
    private String callee;

    @Column(name = "node", nullable = false, length = 255)
    private String node;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "ended_at")
    private Instant endedAt;

    @Column(name = "duration_ms")
    private Long durationMs;

    @Column(name = "forwarded_to", length = 1024)
    private String forwardedTo;

    @Column(name = "transferred_to", length = 1024)
    private String transferredTo;

    @Column(name = "end_cause", length = 64)
    private String endCause;

    @Column(name = "legs")
    private Integer legs;

    /** For JPA. */
    protected CallRecordRow() {
    }

    CallRecordRow(String id, NewCallRecord call) {
        this.id = id;
        this.caller = call.caller();
        this.callee = call.callee();
        this.node = call.node();
        this.startedAt = stored(call.started());
    }

    boolean isOpen() {
        return endedAt == null;
    }

    void close(CallEnd end) {
        answeredAt = stored(end.answered());
        endedAt = stored(end.ended());
        durationMs = answeredAt == null ? null : Duration.between(answeredAt, endedAt).toMillis();
        forwardedTo = end.forwardedTo();
        transferredTo = end.transferredTo();
        endCause = end.endCause();
        legs = end.legs();
    }

    /** The database keeps microseconds: truncated here, a record reads back equal to what was written. */
    private static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    CallRecord toRecord() {
        return new CallRecord(id, caller, callee, node, startedAt, answeredAt, endedAt,
                durationMs == null ? null : Duration.ofMillis(durationMs), forwardedTo, transferredTo, endCause, legs);
    }
}
