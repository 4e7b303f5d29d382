package org.seed.sip.console.api;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.seed.sip.kit.presence.ComposedPresence;
import org.seed.sip.kit.presence.CurrentPresence;

/**
 * {@code /api/presence/user@domain}: the account's presence as its watchers get it, composed from the store
 * on each request by the same {@link CurrentPresence} as the presence server's: the PIDF document and the one
 * word read from it.
 */
final class PresenceResource {

    private final KnownAccounts accounts;
    private final CurrentPresence presence;

    PresenceResource(KnownAccounts accounts, CurrentPresence presence) {
        this.accounts = accounts;
        this.presence = presence;
    }

    /** The endpoint of the path segment {@code segment}; a segment that is no {@code user@domain} is 400. */
    Endpoint of(String segment) {
        Optional<AccountId> id = AccountId.parse(segment);
        return new Endpoint().on("GET", (request, admin) -> read(id.orElseThrow(() ->
                ApiException.badRequest("not an account (user@domain): " + segment))));
    }

    private ApiResponse read(AccountId id) {
        ComposedPresence composed = presence.of(accounts.require(id).toString());
        return ApiResponse.ok(new PresenceView(composed.entity(), composed.basic(),
                new String(composed.pidf(), StandardCharsets.UTF_8)));
    }

    /** The JSON body: {@code {"aor": "sip:alice@example.com", "state": "open", "pidf": "<?xml ..."}}. */
    record PresenceView(String aor, String state, String pidf) {
    }
}
