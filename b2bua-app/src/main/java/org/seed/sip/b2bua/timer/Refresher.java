package org.seed.sip.b2bua.timer;

import java.util.Locale;

/**
 * The {@code refresher} parameter of Session-Expires (RFC 4028 §4). Its values name the roles in the
 * transaction that carries the header: in a request the sender is the UAC, in a response the sender is the UAS.
 */
public enum Refresher {
    UAC, UAS;

    /** The parameter's value as written: {@code uac} or {@code uas}. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** RFC 4028 §4 refresher-param; parameter values compare case-insensitively (RFC 3261 §7.3.1). */
    static Refresher parse(String token) {
        for (Refresher refresher : values()) {
            if (refresher.token().equalsIgnoreCase(token)) {
                return refresher;
            }
        }
        throw new MalformedTimerHeaderException(TimerHeaders.SESSION_EXPIRES);
    }
}
