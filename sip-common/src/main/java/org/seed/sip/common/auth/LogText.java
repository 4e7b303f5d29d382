package org.seed.sip.common.auth;

/**
 * Client-supplied text made safe for a one-line log record that tools such as fail2ban parse: it can
 * neither break the line nor fake another field.
 */
final class LogText {

    /** Longer values are cut: a user name field is no place for a kilobyte of attacker text. */
    static final int MAX_LENGTH = 64;

    private LogText() {
    }

    /** {@code "text"}, with '"' and '\' escaped, control and line-separator characters as \\uXXXX. */
    static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        int end = Math.min(text.length(), MAX_LENGTH);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (isUnsafe(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > end) {
            out.append("...");
        }
        return out.append('"').toString();
    }

    /** A bare field (an address, a method name): anything but visible, non-quote characters becomes '?'. */
    static String bare(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH));
        for (int i = 0; i < Math.min(text.length(), MAX_LENGTH); i++) {
            char c = text.charAt(i);
            out.append(c > ' ' && c < 0x7f && c != '"' && c != '\\' ? c : '?');
        }
        return out.length() == 0 ? "?" : out.toString();
    }

    private static boolean isUnsafe(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }
}
