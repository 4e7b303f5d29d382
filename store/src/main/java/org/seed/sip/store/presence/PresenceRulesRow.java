package org.seed.sip.store.presence;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import org.seed.sip.common.presence.PresenceRules;
import org.seed.sip.common.presence.WatcherGrant;

/** A row of {@code presence_rules}: one account's {@link PresenceRules}, its lists one entry per line. */
@Entity
@Table(name = "presence_rules")
public class PresenceRulesRow {

    private static final String LINE = "\n";

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "default_rule", length = 16)
    private String defaultRule;

    @Column(name = "allowed", nullable = false, length = 52000)
    private String allowed;

    @Column(name = "blocked", nullable = false, length = 52000)
    private String blocked;

    @Column(name = "polite_blocked", nullable = false, length = 52000)
    private String politeBlocked;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected PresenceRulesRow() {
    }

    PresenceRulesRow(long accountId, PresenceRules rules, Instant now) {
        this.accountId = accountId;
        copyFrom(rules, now);
    }

    final void copyFrom(PresenceRules rules, Instant now) {
        defaultRule = rules.defaultRule() == null ? null : rules.defaultRule().token();
        allowed = String.join(LINE, rules.allow());
        blocked = String.join(LINE, rules.block());
        politeBlocked = String.join(LINE, rules.politeBlock());
        updatedAt = now;
    }

    PresenceRules toRules() {
        WatcherGrant defaultGrant = defaultRule == null ? null : WatcherGrant.fromToken(defaultRule).orElseThrow(
                () -> new IllegalStateException("presence_rules of account " + accountId + ": unknown default_rule " + defaultRule));
        return new PresenceRules(defaultGrant, lines(allowed), lines(blocked), lines(politeBlocked));
    }

    private static List<String> lines(String joined) {
        return joined.isEmpty() ? List.of() : Arrays.asList(joined.split(LINE));
    }
}
