package org.seed.sip.b2bua.rules;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The Replaces header (RFC 3891 §6.1): {@code callid ;to-tag=x ;from-tag=y [;early-only]}. The tags are
 * those of the recipient's view of the dialog (§3): {@code to-tag} is compared with the recipient's own tag,
 * {@code from-tag} with the other end's, so the dialog named is {@code (callid, to-tag, from-tag)} as the
 * platform keys its dialogs.
 *
 * @param dialog    the dialog to replace, as the recipient of the header names it
 * @param earlyOnly the sender wants only an early dialog replaced (§6.1: a confirmed one gets 486)
 */
public record ReplacesHeader(DialogId dialog, boolean earlyOnly) {

    public static final String NAME = "Replaces";

    /** Parses a header value; {@link IllegalArgumentException} naming what is missing or malformed. */
    public static ReplacesHeader parse(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("empty Replaces");
        }
        String[] parts = value.split(";");
        String callId = parts[0].trim();
        if (callId.isEmpty()) {
            throw new IllegalArgumentException("Replaces without Call-ID");
        }
        String toTag = null;
        String fromTag = null;
        boolean earlyOnly = false;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String parameterValue = equals < 0 ? null : parameter.substring(equals + 1).trim();
            switch (name) {
                case "to-tag" -> toTag = parameterValue;
                case "from-tag" -> fromTag = parameterValue;
                case "early-only" -> earlyOnly = true;
                default -> {
                    // generic parameters (§6.1) say nothing about which dialog is meant
                }
            }
        }
        if (toTag == null || toTag.isEmpty() || fromTag == null || fromTag.isEmpty()) {
            throw new IllegalArgumentException("Replaces without to-tag and from-tag");
        }
        return new ReplacesHeader(new DialogId(callId, toTag, fromTag), earlyOnly);
    }

    /**
     * Parses the value a Refer-To URI carries as its {@code Replaces} header (RFC 3515 §2.1, RFC 3891 §4:
     * escaped as a URI header, {@code %3B} for ';' and {@code %3D} for '='). A '+' stays a '+': in a SIP URI
     * it is an ordinary character, not a space.
     */
    public static ReplacesHeader parseEscaped(String uriHeaderValue) {
        if (uriHeaderValue == null) {
            throw new IllegalArgumentException("empty Replaces");
        }
        String decoded;
        try {
            decoded = URLDecoder.decode(uriHeaderValue.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("badly escaped Replaces", e);
        }
        return parse(decoded);
    }
}
