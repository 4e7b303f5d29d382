package org.seed.sip.console.api;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.account.AccountRepository;
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

    private final AccountRepository accounts;
    private final CallPreferencesRepository preferences;

    PreferencesResource(AccountRepository accounts, CallPreferencesRepository preferences) {
        this.accounts = accounts;
        this.preferences = preferences;
    }

    Endpoint of(AccountId id) {
        return new Endpoint()
                .on("GET", (request, admin) -> read(id))
                .on("PUT", (request, admin) -> replace(id, request, admin));
    }

    private ApiResponse read(AccountId id) {
        requireAccount(id);
        return ApiResponse.ok(PreferencesBody.of(preferences.of(aor(id))));
    }

    private ApiResponse replace(AccountId id, ApiRequest request, AccountId admin) {
        requireAccount(id);
        CallPreferences wanted = PreferenceRules.preferences(Json.read(request, PreferencesBody.class), id);
        if (!preferences.save(aor(id), wanted)) {
            // deleted between the check and the save
            throw noSuchAccount(id);
        }
        LOG.info("console: {} set the call preferences of {}", admin, id);
        return ApiResponse.ok(PreferencesBody.of(wanted));
    }

    private void requireAccount(AccountId id) {
        if (accounts.find(id.username(), id.domain()).isEmpty()) {
            throw noSuchAccount(id);
        }
    }

    private static AddressOfRecord aor(AccountId id) {
        return new AddressOfRecord(id.username(), id.domain());
    }

    private static ApiException noSuchAccount(AccountId id) {
        return ApiException.notFound("no account " + id);
    }
}
