package org.seed.sip.console.api;

import java.util.List;

import org.seed.sip.store.preferences.CallPreferences;

/**
 * An account's call preferences as the API reads and writes them ({@code /api/accounts/user@domain/preferences}).
 * In a PUT every field is optional: one left out (or null) takes its default, so a PUT states all of them.
 *
 * @param forwardMode {@code proxy} or {@code redirect}
 */
public record PreferencesBody(Boolean doNotDisturb, String forwardAlways, String forwardBusy, String forwardNoAnswer,
        Integer noAnswerSeconds, String forwardOffline, String forwardMode, List<String> blocked,
        List<String> alsoRing) {

    public static PreferencesBody of(CallPreferences preferences) {
        return new PreferencesBody(preferences.doNotDisturb(), preferences.forwardAlways(), preferences.forwardBusy(),
                preferences.forwardNoAnswer(), preferences.noAnswerSeconds(), preferences.forwardOffline(),
                preferences.forwardMode().token(), preferences.blocked(), preferences.alsoRing());
    }
}
