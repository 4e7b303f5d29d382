package org.seed.sip.store.preferences;

import java.util.List;
import java.util.Objects;

/**
 * What an account wants done with the calls it receives; read by the B2BUA for every call, changed in the
 * console. Targets are SIP URIs as text (checked by whoever accepts them from outside, the console);
 * this value only keeps its shape sane.
 *
 * @param doNotDisturb    refuse every call ({@code 486}), or forward it when {@code forwardBusy} is set
 * @param forwardAlways   forward every call there, or null
 * @param forwardBusy     forward there when busy (or do-not-disturb), or null
 * @param forwardNoAnswer forward there when no phone answers within {@code noAnswerSeconds}, or null
 * @param noAnswerSeconds how long the account's phones ring before {@code forwardNoAnswer} applies
 * @param forwardOffline  forward there when no phone is registered, or null
 * @param forwardMode     whether forwarding is a new leg ({@link ForwardMode#PROXY}) or a 302
 * @param blocked         callers refused with {@code 603}: SIP URIs, or {@code *@domain} for a whole domain
 * @param alsoRing        SIP URIs rung together with the account's own phones
 */
public record CallPreferences(boolean doNotDisturb, String forwardAlways, String forwardBusy, String forwardNoAnswer,
        int noAnswerSeconds, String forwardOffline, ForwardMode forwardMode, List<String> blocked,
        List<String> alsoRing) {

    /** The shortest and longest {@code noAnswerSeconds}: a phone needs a few seconds to be answered at all. */
    public static final int MIN_NO_ANSWER_SECONDS = 5;
    public static final int MAX_NO_ANSWER_SECONDS = 600;
    /** The most entries {@code blocked} and {@code alsoRing} each hold. */
    public static final int MAX_LIST_ENTRIES = 50;
    /** The longest target or pattern, in characters. */
    public static final int MAX_URI_LENGTH = 255;

    /** An account's preferences until it sets any: every call reaches its phones, rung 20 s. */
    public static final CallPreferences DEFAULTS = new CallPreferences(false, null, null, null, 20, null,
            ForwardMode.PROXY, List.of(), List.of());

    /** @throws IllegalArgumentException naming the field that is out of shape */
    public CallPreferences {
        Objects.requireNonNull(forwardMode, "forwardMode");
        if (noAnswerSeconds < MIN_NO_ANSWER_SECONDS || noAnswerSeconds > MAX_NO_ANSWER_SECONDS) {
            throw new IllegalArgumentException("noAnswerSeconds must be " + MIN_NO_ANSWER_SECONDS + " to "
                    + MAX_NO_ANSWER_SECONDS + ", not " + noAnswerSeconds);
        }
        requireUriLength("forwardAlways", forwardAlways);
        requireUriLength("forwardBusy", forwardBusy);
        requireUriLength("forwardNoAnswer", forwardNoAnswer);
        requireUriLength("forwardOffline", forwardOffline);
        blocked = checkedList("blocked", blocked);
        alsoRing = checkedList("alsoRing", alsoRing);
    }

    private static List<String> checkedList(String field, List<String> entries) {
        List<String> copy = List.copyOf(Objects.requireNonNull(entries, field));
        if (copy.size() > MAX_LIST_ENTRIES) {
            throw new IllegalArgumentException(field + " holds at most " + MAX_LIST_ENTRIES + " entries");
        }
        copy.forEach(entry -> requireUriLength(field, entry));
        return copy;
    }

    private static void requireUriLength(String field, String uri) {
        // no white space: none belongs in a URI, and lists are stored one entry per line
        if (uri != null && (uri.isEmpty() || uri.length() > MAX_URI_LENGTH || uri.chars().anyMatch(Character::isWhitespace))) {
            throw new IllegalArgumentException(field + " must be a URI of 1 to " + MAX_URI_LENGTH
                    + " characters without white space");
        }
    }
}
