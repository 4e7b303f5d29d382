package org.seed.sip.console.api;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.seed.sip.store.calls.CallRecord;

/**
 * A call detail record as the API shows it, in JSON and as a CSV row (same fields, same order).
 *
 * @param started    ISO-8601 instant in UTC, as are {@code answered} and {@code ended} (null when none)
 * @param ended      null while the call is in progress
 * @param durationMs milliseconds from the answer to the end; null if never answered, open or interrupted
 * @param endCause   {@code caller-bye}, {@code callee-bye}, a SIP status, {@code cancelled}, {@code timeout},
 *                   {@code interrupted}...; null while open
 * @param legs       null while open or when interrupted
 */
public record CallRecordView(String id, String caller, String callee, String node, String started, String answered,
        String ended, Long durationMs, String forwardedTo, String transferredTo, String endCause, Integer legs) {

    /** The CSV header row: the field names, in order. */
    static final List<String> COLUMNS = Arrays.stream(CallRecordView.class.getRecordComponents())
            .map(component -> component.getName()).toList();

    public static CallRecordView of(CallRecord record) {
        return new CallRecordView(record.id(), record.caller(), record.callee(), record.node(), text(record.started()),
                text(record.answered()), text(record.ended()),
                record.duration() == null ? null : record.duration().toMillis(), record.forwardedTo(),
                record.transferredTo(), record.endCause(), record.legs());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** The values in {@link #COLUMNS} order, null for none. */
    List<Object> values() {
        return Arrays.asList(id, caller, callee, node, started, answered, ended, durationMs, forwardedTo,
                transferredTo, endCause, legs);
    }
}
