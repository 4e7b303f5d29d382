package org.seed.sip.presence.publish;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.seed.sip.common.auth.AuthOutcome.Authenticated;
import org.seed.sip.common.pidf.Pidf;
import org.seed.sip.presence.PresenceChanges;
import org.seed.sip.presence.publish.PublishDecision.Create;
import org.seed.sip.presence.publish.PublishDecision.Modify;
import org.seed.sip.presence.publish.PublishDecision.Refresh;
import org.seed.sip.presence.publish.PublishDecision.Refuse;
import org.seed.sip.presence.publish.PublishDecision.Remove;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.presence.Publication;
import org.seed.sip.store.presence.PublicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event state compositor's side of PUBLISH (RFC 3903 §6): who may publish, and what the store keeps. Every
 * accepted publication is committed and durable before its 200 OK is answered; every change of what the
 * composed document says (a new, modified or removed publication) is told to the watchers' side.
 */
public final class Publications {

    private static final Logger LOG = LoggerFactory.getLogger(Publications.class);

    private final PublishRules rules;
    private final PublicationRepository store;
    private final AccountRepository accounts;
    private final Set<String> domains;
    private final PresenceChanges changes;
    private final Supplier<String> entityTags;
    private final Clock clock;

    public Publications(PublishRules rules, PublicationRepository store, AccountRepository accounts,
            Set<String> domains, PresenceChanges changes, Supplier<String> entityTags, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.accounts = accounts;
        this.domains = domains;
        this.changes = changes;
        this.entityTags = entityTags;
        this.clock = clock;
    }

    /**
     * What is answered before any challenge: a foreign domain (RFC 3903 §6 step 1, this ESC is not
     * responsible: 403, as the registrar does, no open relay) and a wrong event package (step 2: 489).
     */
    public Optional<PublishOutcome> beforeAuthentication(PublishRequest request) {
        if (!domains.contains(request.presentity().domain())) {
            return Optional.of(PublishOutcome.refuse(403, "Domain Not Served"));
        }
        return rules.checkEvent(request.event());
    }

    /** The answer to {@code request}, published by the authenticated user {@code who}. */
    public PublishOutcome publish(PublishRequest request, Authenticated who) {
        String user = request.presentity().user();
        String domain = request.presentity().domain();
        if (!who.username().equals(user) || !who.realm().equalsIgnoreCase(domain)) {
            // RFC 3903 §12: only the presentity itself publishes its state; its own account exists (it just
            // authenticated with it), so only someone else's PUBLISH needs the account looked up
            return accounts.find(user, domain).isEmpty() ? PublishOutcome.refuse(404, "Not Found")
                    : PublishOutcome.refuse(403, "Only The Presentity May Publish");
        }
        String aor = request.presentity().toString();
        Instant now = clock.instant();
        PublishDecision decision = rules.decide(request);
        if (decision instanceof Refuse refuse) {
            return refuse.outcome();
        }
        if (decision instanceof Create create) {
            String tag = entityTags.get();
            store.add(new Publication(tag, aor, Pidf.CONTENT_TYPE, create.document(),
                    now.plusSeconds(create.expires()), now));
            return changed(aor, PublishOutcome.ok(tag, create.expires(), "created"));
        }
        String current = currentTag(decision);
        // the store checks the entity-tag is this presentity's, live (RFC 3903 §6 step 3), in the same write
        if (decision instanceof Remove) {
            return store.remove(aor, current, now) ? changed(aor, PublishOutcome.removed()) : conditionalFailed();
        }
        String tag = entityTags.get();
        if (decision instanceof Refresh refresh) {
            // the state and its place among the presentity's publications are unchanged: nothing to tell
            Optional<Publication> old = store.find(current, now).filter(publication -> publication.aor().equals(aor));
            return old.isPresent() && store.replace(current, now, new Publication(tag, aor, old.get().contentType(),
                    old.get().body(), now.plusSeconds(refresh.expires()), old.get().updatedAt()))
                    ? PublishOutcome.ok(tag, refresh.expires(), "refreshed")
                    : conditionalFailed();
        }
        Modify modify = (Modify) decision;
        return store.replace(current, now, new Publication(tag, aor, Pidf.CONTENT_TYPE, modify.document(),
                now.plusSeconds(modify.expires()), now))
                ? changed(aor, PublishOutcome.ok(tag, modify.expires(), "modified"))
                : conditionalFailed();
    }

    private static String currentTag(PublishDecision decision) {
        if (decision instanceof Refresh refresh) {
            return refresh.entityTag();
        }
        if (decision instanceof Modify modify) {
            return modify.entityTag();
        }
        return ((Remove) decision).entityTag();
    }

    /** RFC 3903 §6 step 3: 412, also when another PUBLISH with the same entity-tag replaced or removed it first. */
    private static PublishOutcome conditionalFailed() {
        return PublishOutcome.refuse(412, "Conditional Request Failed");
    }

    private PublishOutcome changed(String aor, PublishOutcome outcome) {
        tell(changes, aor);
        return outcome;
    }

    /** Tells the watchers' side; its failure must not undo or fail a publication already committed. */
    static void tell(PresenceChanges changes, String aor) {
        try {
            changes.changed(aor);
        } catch (RuntimeException e) {
            LOG.warn("presence change of {} not passed on to its watchers: {}", aor, e.toString());
        }
    }
}
