package org.seed.sip.store.preferences;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code call_preferences}: one account's {@link CallPreferences}, its lists one entry per line. */
@Entity
@Table(name = "call_preferences")
public class CallPreferencesRow {

    private static final String LIST_SEPARATOR = "\n";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "do_not_disturb", nullable = false)
    private boolean doNotDisturb;

    @Column(name = "forward_always", length = 1024)
    private String forwardAlways;

    @Column(name = "forward_busy", length = 1024)
    private String forwardBusy;

    @Column(name = "forward_no_answer", length = 1024)
    private String forwardNoAnswer;

    @Column(name = "no_answer_seconds", nullable = false)
    private int noAnswerSeconds;

    @Column(name = "forward_offline", length = 1024)
    private String forwardOffline;

    @Column(name = "forward_mode", nullable = false, length = 16)
    private String forwardMode;

    @Column(name = "blocked", nullable = false, length = 16000)
    private String blocked;

    @Column(name = "also_ring", nullable = false, length = 16000)
    private String alsoRing;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected CallPreferencesRow() {
    }

    CallPreferencesRow(long accountId, CallPreferences preferences, Instant now) {
        this.accountId = accountId;
        copyFrom(preferences, now);
    }

    final void copyFrom(CallPreferences preferences, Instant now) {
        doNotDisturb = preferences.doNotDisturb();
        forwardAlways = preferences.forwardAlways();
        forwardBusy = preferences.forwardBusy();
        forwardNoAnswer = preferences.forwardNoAnswer();
        noAnswerSeconds = preferences.noAnswerSeconds();
        forwardOffline = preferences.forwardOffline();
        forwardMode = preferences.forwardMode().token();
        blocked = String.join(LIST_SEPARATOR, preferences.blocked());
        alsoRing = String.join(LIST_SEPARATOR, preferences.alsoRing());
        updatedAt = now;
    }

    CallPreferences toPreferences() {
        return new CallPreferences(doNotDisturb, forwardAlways, forwardBusy, forwardNoAnswer, noAnswerSeconds,
                forwardOffline, ForwardMode.fromToken(forwardMode).orElseThrow(() -> new IllegalStateException(
                        "call_preferences of account " + accountId + ": unknown forward_mode " + forwardMode)),
                lines(blocked), lines(alsoRing));
    }

    private static List<String> lines(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LIST_SEPARATOR));
    }
}
