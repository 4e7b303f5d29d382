package org.seed.sip.console.api;

import org.seed.sip.common.presence.DefaultRule;
import org.seed.sip.common.presence.PresenceRules;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.presence.PresenceRulesRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/accounts/user@domain/presence-rules}: who may watch the account's presence. A GET of an
 * account that set none shows the effective ones (no entries, the platform's default); a PUT replaces all
 * of them, and the presence server, told by the store, authorizes the account's watchers again at once.
 */
final class PresenceRulesResource {

    private static final Logger LOG = LoggerFactory.getLogger(PresenceRulesResource.class);

    private final KnownAccounts accounts;
    private final PresenceRulesRepository rules;
    private final DefaultRule platformDefault;

    PresenceRulesResource(KnownAccounts accounts, PresenceRulesRepository rules, DefaultRule platformDefault) {
        this.accounts = accounts;
        this.rules = rules;
        this.platformDefault = platformDefault;
    }

    Endpoint of(AccountId id) {
        return new Endpoint()
                .on("GET", (request, admin) -> read(id))
                .on("PUT", (request, admin) -> replace(id, request, admin));
    }

    private ApiResponse read(AccountId id) {
        AddressOfRecord presentity = accounts.require(id);
        return ApiResponse.ok(PresenceRulesBody.of(rules.find(presentity).orElse(PresenceRules.NONE), platformDefault));
    }

    private ApiResponse replace(AccountId id, ApiRequest request, AccountId admin) {
        AddressOfRecord presentity = accounts.require(id);
        PresenceRules wanted = PresenceRulesInput.rules(Json.read(request, PresenceRulesBody.class));
        if (!rules.replace(presentity, wanted)) {
            throw KnownAccounts.missing(id);
        }
        LOG.info("console: {} set the presence rules of {}", admin, id);
        return ApiResponse.ok(PresenceRulesBody.of(wanted, platformDefault));
    }
}
