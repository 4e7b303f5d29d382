package org.seed.sip.b2bua.timer;

import java.math.BigInteger;
import java.util.function.Predicate;

/** Header names and the small pieces of RFC 4028 grammar shared by Session-Expires and Min-SE. */
public final class TimerHeaders {

    public static final String SESSION_EXPIRES = "Session-Expires";
    public static final String MIN_SE = "Min-SE";
    public static final String SUPPORTED = "Supported";
    public static final String REQUIRE = "Require";
    /** RFC 4028 §3: the option tag of the extension. */
    public static final String TIMER = "timer";
    /** RFC 4028 §4 and §5: no session interval, and no Min-SE, is ever below 90 seconds. */
    public static final int ABSOLUTE_MIN_SE = 90;

    private static final BigInteger LARGEST = BigInteger.valueOf(Integer.MAX_VALUE);

    private TimerHeaders() {
    }

    /**
     * RFC 4028 §5 {@code Min-SE = delta-seconds *(SEMI generic-param)}; the parameters carry nothing we use.
     *
     * @return the seconds, or null when the header is absent (null)
     * @throws MalformedTimerHeaderException when the value is not delta-seconds
     */
    public static Integer minSe(String value) {
        return value == null ? null : deltaSeconds(value.split(";", 2)[0], MIN_SE);
    }

    /**
     * Whether any of the values of an option-tag header (Supported, Require: several headers, each a comma
     * separated list, RFC 3261 §20.37) lists {@code timer}. An option tag is a token, and tokens compare
     * case-insensitively (RFC 3261 §7.3.1).
     */
    public static boolean listsTimer(Iterable<String> optionTagHeaders) {
        return lists(optionTagHeaders, TIMER::equalsIgnoreCase);
    }

    /** Whether any item of comma separated header values (RFC 3261 §7.3.1) matches. */
    static boolean lists(Iterable<String> headers, Predicate<String> item) {
        for (String header : headers) {
            for (String value : header.split(",")) {
                if (item.test(value.trim())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * RFC 3261 §25.1 delta-seconds: digits only. A value too large for an int asks for longer than anyone
     * grants, so it becomes the largest int rather than an error.
     */
    static int deltaSeconds(String text, String header) {
        String digits = text.trim();
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new MalformedTimerHeaderException(header);
        }
        return new BigInteger(digits).min(LARGEST).intValue();
    }
}
