package org.seed.sip.common.event;

import java.util.List;
import java.util.Locale;

/** Whether the media ranges of Accept headers (RFC 3261 §20.1) admit a body type. */
final class AcceptHeader {

    private AcceptHeader() {
    }

    /**
     * @param ranges the Accept values, possibly several comma-separated ranges each; none at all means that
     *               no format is acceptable (RFC 3261 §20.1)
     */
    static boolean admits(List<String> ranges, String type) {
        String[] wanted = type.toLowerCase(Locale.ROOT).split("/");
        return ranges.stream()
                .flatMap(value -> List.of(value.split(",")).stream())
                .filter(range -> !range.isBlank())
                .anyMatch(range -> matches(range, wanted));
    }

    private static boolean matches(String range, String[] wanted) {
        String[] parts = range.toLowerCase(Locale.ROOT).split(";");
        for (int i = 1; i < parts.length; i++) {
            // q=0 marks a range as not acceptable (RFC 3261 §20.1 via RFC 2616 §14.1)
            if (parts[i].trim().matches("q\\s*=\\s*0(\\.0*)?")) {
                return false;
            }
        }
        String[] mediaType = parts[0].trim().split("/");
        if (mediaType.length != 2) {
            return false;
        }
        String rangeType = mediaType[0].trim();
        String rangeSubtype = mediaType[1].trim();
        return (rangeType.equals("*") || rangeType.equals(wanted[0]))
                && (rangeSubtype.equals("*") || rangeSubtype.equals(wanted[1]));
    }
}
