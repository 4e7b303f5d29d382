package org.seed.sip.console.api;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.preferences.CallPreferences;
import org.seed.sip.store.preferences.CallPreferencesRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/accounts/user@domain/preferences}: the account's call preferences. A PUT replaces all of
 * them (fields left out take their defaults); the B2BUA reads them for each call, so the next call, on any
 * node, sees the change.
 */
final class PreferencesResource {

    private static final Logger LOG = LoggerFactory.getLogger(PreferencesResource.class);

    private final KnownAccounts accounts;
    private final CallPreferencesRepository preferences;

    PreferencesResource(KnownAccounts accounts, CallPreferencesRepository preferences) {
        this.accounts = accounts;
        this.preferences = preferences;
    }

    Endpoint of(AccountId id) {
        return new Endpoint()
                .on("GET", (request, admin) -> read(id))
                .on("PUT", (request, admin) -> replace(id, request, admin));
    }

    private ApiResponse read(AccountId id) {
        return ApiResponse.ok(PreferencesBody.of(preferences.of(accounts.require(id))));
    }

    private ApiResponse replace(AccountId id, ApiRequest request, AccountId admin) {
        AddressOfRecord aor = accounts.require(id);
        CallPreferences wanted = PreferenceRules.preferences(Json.read(request, PreferencesBody.class), id);
        if (!preferences.save(aor, wanted)) {
            // deleted between the check and the save
            throw KnownAccounts.missing(id);
        }
        LOG.info("console: {} set the call preferences of {}", admin, id);
        return ApiResponse.ok(PreferencesBody.of(wanted));
    }
}
