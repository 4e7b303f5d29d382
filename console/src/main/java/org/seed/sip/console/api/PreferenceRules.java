package org.seed.sip.console.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import javax.sip.address.SipURI;

import org.seed.sip.common.sip.SipUris;
import org.seed.sip.store.preferences.CallPreferences;
import org.seed.sip.store.preferences.ForwardMode;

/**
 * What a PUT of an account's preferences may say: targets that JAIN-SIP parses as SIP URIs and that are not
 * the account itself (a call forwarded to its own callee would loop), blocklist entries that are SIP URIs
 * or {@code *@domain}, a ring time and a forward mode in range. Each refusal names the field.
 */
final class PreferenceRules {

    private static final String DOMAIN_PATTERN_PREFIX = "*@";

    private PreferenceRules() {
    }

    /**
     * The preferences {@code body} asks for, {@code account}'s; fields left out take their defaults.
     *
     * @throws ApiException 400 naming the first field that is wrong
     */
    static CallPreferences preferences(PreferencesBody body, AccountId account) {
        CallPreferences defaults = CallPreferences.DEFAULTS;
        try {
            return new CallPreferences(
                    orDefault(body.doNotDisturb(), defaults.doNotDisturb()),
                    forwardTarget("forwardAlways", body.forwardAlways(), account),
                    forwardTarget("forwardBusy", body.forwardBusy(), account),
                    forwardTarget("forwardNoAnswer", body.forwardNoAnswer(), account),
                    orDefault(body.noAnswerSeconds(), defaults.noAnswerSeconds()),
                    forwardTarget("forwardOffline", body.forwardOffline(), account),
                    forwardMode(body.forwardMode()),
                    entries("blocked", body.blocked(), PreferenceRules::blockedCaller),
                    entries("alsoRing", body.alsoRing(), target -> forwardTarget("alsoRing", target, account)));
        } catch (IllegalArgumentException e) {
            // the value's own bounds (ring time, list sizes, URI lengths); its message starts with the field
            throw ApiException.badRequest(e.getMessage());
        }
    }

    private static <T> T orDefault(T given, T defaultValue) {
        return given == null ? defaultValue : given;
    }

    private static String forwardTarget(String field, String target, AccountId account) {
        if (target == null) {
            return null;
        }
        SipURI uri = sipUri(target).orElseThrow(() -> ApiException.badRequest(
                field + " must be a SIP URI such as sip:user@example.com, not '" + target + "'"));
        if (account.username().equals(uri.getUser()) && account.domain().equals(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest(field + " must not be the account itself (" + account.aor() + ")");
        }
        return target.strip();
    }

    private static ForwardMode forwardMode(String token) {
        if (token == null) {
            return CallPreferences.DEFAULTS.forwardMode();
        }
        return ForwardMode.fromToken(token).orElseThrow(() -> ApiException.badRequest(
                "forwardMode must be proxy or redirect, not '" + token + "'"));
    }

    /** A caller's SIP URI, or {@code *@domain} for every caller of that domain. */
    private static String blockedCaller(String entry) {
        boolean valid = entry.startsWith(DOMAIN_PATTERN_PREFIX)
                ? SipUris.isHost(entry.substring(DOMAIN_PATTERN_PREFIX.length()))
                : sipUri(entry).isPresent();
        if (!valid) {
            throw ApiException.badRequest("blocked entries must be SIP URIs or *@domain, not '" + entry + "'");
        }
        return entry.strip();
    }

    private static List<String> entries(String field, List<String> given, Function<String, String> check) {
        if (given == null) {
            return List.of();
        }
        List<String> checked = new ArrayList<>(given.size());
        for (int i = 0; i < given.size(); i++) {
            if (given.get(i) == null) {
                throw ApiException.badRequest(field + "[" + i + "] must not be null");
            }
            checked.add(check.apply(given.get(i)));
        }
        return checked;
    }

    private static Optional<SipURI> sipUri(String text) {
        return text.isBlank() ? Optional.empty() : SipUris.parse(text);
    }
}
