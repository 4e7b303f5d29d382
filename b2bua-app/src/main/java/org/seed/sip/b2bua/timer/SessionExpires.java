package org.seed.sip.b2bua.timer;

import java.util.Locale;

/**
 * RFC 4028 §4 {@code Session-Expires = delta-seconds *(SEMI se-params)},
 * {@code se-params = refresher-param / generic-param}, {@code refresher-param = "refresher" EQUAL ("uas" / "uac")}.
 *
 * @param seconds   the session interval
 * @param refresher who refreshes, or null when the header leaves it open (a request may, §7.1)
 */
public record SessionExpires(int seconds, Refresher refresher) {

    private static final String REFRESHER = "refresher";

    /**
     * @return the header's value, or null when the header is absent (null); generic parameters are ignored
     * @throws MalformedTimerHeaderException when the value breaks the grammar above
     */
    public static SessionExpires parse(String value) {
        if (value == null) {
            return null;
        }
        String[] parts = value.split(";", -1);
        int seconds = TimerHeaders.deltaSeconds(parts[0], TimerHeaders.SESSION_EXPIRES);
        Refresher refresher = null;
        for (int i = 1; i < parts.length; i++) {
            String[] param = parts[i].split("=", 2);
            if (param[0].trim().isEmpty()) {
                throw new MalformedTimerHeaderException(TimerHeaders.SESSION_EXPIRES);
            }
            if (param[0].trim().toLowerCase(Locale.ROOT).equals(REFRESHER)) {
                if (param.length < 2 || refresher != null) {
                    throw new MalformedTimerHeaderException(TimerHeaders.SESSION_EXPIRES);
                }
                refresher = Refresher.parse(param[1].trim());
            }
        }
        return new SessionExpires(seconds, refresher);
    }

    /** The header's value as the B2BUA writes it: {@code 1800;refresher=uac}, or {@code 1800}. */
    public String format() {
        return refresher == null ? Integer.toString(seconds) : seconds + ";" + REFRESHER + "=" + refresher.token();
    }
}
