package org.seed.sip.presence.im.rules;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the sender of a message that reached no phone is told (RFC 3428 §7), and how a kept message goes out
 * later.
 */
public final class OfflinePolicy {

    /** RFC 3261 §20.17: rfc1123-date, always in GMT, with a two-digit day. */
    private static final DateTimeFormatter SIP_DATE = DateTimeFormatter
            .ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private OfflinePolicy() {
    }

    /** What the store did with the message. */
    public enum Kept {
        STORED, QUEUE_FULL, NO_ACCOUNT
    }

    /** The answer to the sender, by what the store did. */
    public record Answer(int status, String reason) {
    }

    public static Answer answer(Kept kept) {
        return switch (kept) {
            // RFC 3428 §7: a relay that stores the message and forwards it later answers 202, end-to-end delivery
            // not guaranteed
            case STORED -> new Answer(202, "Accepted");
            // Not kept: the recipient is offline, which is RFC 3261 §21.4.18's 480 (486 would say a phone was
            // reached and is busy; 507 is no SIP status; 503 would blame the platform and invite a retry
            // elsewhere). The reason phrase says why no store-and-forward happened.
            case QUEUE_FULL -> new Answer(480, "Temporarily Unavailable (Offline Messages Full)");
            // the account went between admission and the store
            case NO_ACCOUNT -> new Answer(404, "Not Found");
        };
    }

    /** The Date header of a kept message when it goes out: when the platform took it (RFC 3261 §20.17). */
    public static String date(Instant receivedAt) {
        return SIP_DATE.format(receivedAt);
    }
}
