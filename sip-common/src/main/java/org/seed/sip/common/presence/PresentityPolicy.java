package org.seed.sip.common.presence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.seed.sip.common.sip.AddressOfRecord;

/**
 * One presentity's rules, parsed: what each watcher gets ({@link WatcherRules} has the order). Entries that
 * are not valid ({@link PresenceRules#firstProblem()}) match no watcher.
 * <p>
 * A watcher's URI, or a domain, may stand in several lists (an operator's mistake, or two spellings of one
 * AOR). Then block beats polite-block, which beats allow: the lists are the presentity's explicit
 * statements, and a statement withholding its presence must not be undone by another one disclosing it
 * (the failure of a contradictory list is towards privacy). Block beats polite-block because it withholds
 * more: the watcher is not even kept subscribed. This deliberately differs from RFC 5025 §3.2.1, where
 * permissions granted by several rules combine to the most permissive: there each rule grants, here a
 * block list refuses.
 */
public final class PresentityPolicy {

    /** Weakest first: a later list's grant replaces an earlier one's for the same entry. */
    private static final List<WatcherGrant> WEAKEST_FIRST = List.of(WatcherGrant.ALLOW, WatcherGrant.POLITE_BLOCK,
            WatcherGrant.BLOCK);

    private final AddressOfRecord presentity;
    private final Map<AddressOfRecord, WatcherGrant> watchers = new HashMap<>();
    private final Map<String, WatcherGrant> domains = new HashMap<>();
    private final Function<AddressOfRecord, WatcherGrant> fallback;

    PresentityPolicy(AddressOfRecord presentity, PresenceRules rules, Function<AddressOfRecord, WatcherGrant> platformDefault) {
        this.presentity = Objects.requireNonNull(presentity, "presentity");
        this.fallback = rules.defaultRule() != null ? watcher -> rules.defaultRule() : platformDefault;
        for (WatcherGrant grant : WEAKEST_FIRST) {
            for (String entry : entries(rules, grant)) {
                RuleEntry.parse(entry).ifPresent(parsed -> put(parsed, grant));
            }
        }
    }

    private static List<String> entries(PresenceRules rules, WatcherGrant grant) {
        return switch (grant) {
            case ALLOW -> rules.allow();
            case POLITE_BLOCK -> rules.politeBlock();
            case BLOCK -> rules.block();
            case PENDING -> List.of();
        };
    }

    private void put(RuleEntry entry, WatcherGrant grant) {
        if (entry instanceof RuleEntry.Watcher watcher) {
            watchers.put(watcher.aor(), grant);
        } else if (entry instanceof RuleEntry.Domain domain) {
            domains.put(domain.domain(), grant);
        }
    }

    /** What {@code watcher} (an authenticated user's AOR) gets. */
    public WatcherGrant grant(AddressOfRecord watcher) {
        if (watcher.equals(presentity)) {
            return WatcherGrant.ALLOW;
        }
        return Optional.ofNullable(watchers.get(watcher))
                .or(() -> Optional.ofNullable(domains.get(watcher.domain())))
                .orElseGet(() -> fallback.apply(watcher));
    }
}
