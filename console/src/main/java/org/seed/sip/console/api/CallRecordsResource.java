package org.seed.sip.console.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.calls.CallRecordQuery;
import org.seed.sip.store.calls.CallRecordRepository;

/**
 * {@code /api/call-records?user=&from=&to=&limit=}: call detail records, the latest started first, as JSON
 * or, for {@code Accept: text/csv}, as CSV with a header row (RFC 4180).
 */
final class CallRecordsResource {

    private final CallRecordRepository records;

    CallRecordsResource(CallRecordRepository records) {
        this.records = records;
    }

    Endpoint endpoint() {
        return new Endpoint().on("GET", (request, admin) -> list(request));
    }

    private ApiResponse list(ApiRequest request) {
        CallRecordQuery query = query(request);
        List<CallRecordView> views = records.find(query).stream().map(CallRecordView::of).toList();
        if (request.accepts(Csv.MEDIA_TYPE)) {
            Csv csv = new Csv().row(CallRecordView.COLUMNS);
            views.forEach(view -> csv.row(view.values()));
            // RFC 4180 §3: the header parameter says the first row names the columns
            return ApiResponse.text(Csv.MEDIA_TYPE + ";header=present", csv.toString());
        }
        return ApiResponse.ok(Map.of("callRecords", views));
    }

    private static CallRecordQuery query(ApiRequest request) {
        AddressOfRecord user = user(request.parameter("user"));
        Instant from = instant("from", request.parameter("from"));
        Instant to = instant("to", request.parameter("to"));
        int limit = limit(request.parameter("limit"));
        if (from != null && to != null && to.isBefore(from)) {
            throw ApiException.badRequest("to must not be before from");
        }
        return new CallRecordQuery(user, from, to, limit);
    }

    /** {@code sip:user@domain} or {@code user@domain}: calls the user made or received. */
    private static AddressOfRecord user(String given) {
        if (given == null) {
            return null;
        }
        try {
            // a user part holds no ':' unescaped (RFC 3261 §25.1): one means a URI, whose scheme must be sip(s)
            if (given.indexOf(':') >= 0) {
                return AddressOfRecord.parse(given);
            }
            return AccountId.parse(given).map(id -> new AddressOfRecord(id.username(), id.domain()))
                    .orElseThrow(() -> new IllegalArgumentException("not user@domain"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("user must be sip:user@domain or user@domain, not '" + given + "'");
        }
    }

    private static Instant instant(String name, String given) {
        if (given == null) {
            return null;
        }
        try {
            return Instant.parse(given);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest(name + " must be an ISO-8601 instant such as 2030-01-01T00:00:00Z, not '"
                    + given + "'");
        }
    }

    private static int limit(String given) {
        if (given == null) {
            return CallRecordQuery.DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(given);
            if (limit >= 1 && limit <= CallRecordQuery.MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below, as an out-of-range number is
        }
        throw ApiException.badRequest("limit must be a whole number from 1 to " + CallRecordQuery.MAX_LIMIT
                + ", not '" + given + "'");
    }
}
