package org.seed.sip.console.api;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.seed.sip.common.presence.WatcherRules;
import org.seed.sip.kit.calls.LiveCallsRegistry;
import org.seed.sip.kit.presence.StoredPresence;
import org.seed.sip.store.Store;
import org.seed.sip.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's REST API without the servlet container: authenticates a request, routes it by path to a
 * resource and turns every outcome, refusals and failures included, into an {@link ApiResponse}.
 * <p>
 * Paths (below {@code /api}): {@code /accounts}, {@code /accounts/user@domain},
 * {@code /accounts/user@domain/preferences}, {@code /bindings}, {@code /calls}, {@code /calls/{id}},
 * {@code /call-records}; presence (issue 10): {@code /accounts/user@domain/presence-rules},
 * {@code /accounts/user@domain/watchers}, {@code /presence/user@domain}.
 */
public final class ConsoleApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);
    private static final String ACCOUNTS = "/accounts";
    private static final String PREFERENCES = "/preferences";
    private static final String BINDINGS = "/bindings";
    private static final String CALLS = "/calls";
    private static final String CALL_RECORDS = "/call-records";
    private static final String PRESENCE_RULES = "/presence-rules";
    private static final String WATCHERS = "/watchers";
    private static final String PRESENCE = "/presence";

    private final AdminAuthenticator authenticator;
    private final AccountsResource accounts;
    private final PreferencesResource preferences;
    private final BindingsResource bindings;
    private final CallsResource calls;
    private final CallRecordsResource callRecords;
    private final PresenceRulesResource presenceRules;
    private final WatchersResource watchers;
    private final PresenceResource presence;

    private ConsoleApi(AdminAuthenticator authenticator, AccountsResource accounts, PreferencesResource preferences,
            BindingsResource bindings, CallsResource calls, CallRecordsResource callRecords,
            PresenceRulesResource presenceRules, WatchersResource watchers, PresenceResource presence) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.preferences = preferences;
        this.bindings = bindings;
        this.calls = calls;
        this.callRecords = callRecords;
        this.presenceRules = presenceRules;
        this.watchers = watchers;
        this.presence = presence;
    }

    /** {@code liveCalls}: where the application carrying calls offers them (the B2BUA, when deployed). */
    public static ConsoleApi create(Store store, ConsoleSettings settings, Clock clock, LiveCallsRegistry liveCalls) {
        KnownAccounts knownAccounts = new KnownAccounts(store.accounts());
        return new ConsoleApi(new AdminAuthenticator(store.accounts(), settings.defaultDomain()),
                new AccountsResource(store.accounts(), new AccountRules(settings)),
                new PreferencesResource(knownAccounts, store.preferences()),
                new BindingsResource(store.bindings(), clock),
                new CallsResource(liveCalls::current),
                new CallRecordsResource(store.callRecords()),
                new PresenceRulesResource(knownAccounts, store.presenceRules(), settings.presenceDefault()),
                new WatchersResource(knownAccounts, store.subscriptions(), store.presenceRules(),
                        new WatcherRules(settings.domains(), settings.presenceDefault()), clock),
                new PresenceResource(knownAccounts, new StoredPresence(store.publications(), store.bindings(), clock)));
    }

    /** Answers {@code request}; never throws, and never puts an exception's details in the answer. */
    public ApiResponse handle(ApiRequest request) {
        try {
            // authentication first: without credentials, even which paths exist is not told
            AccountId admin = authenticator.authenticate(request.authorization());
            return route(request.path()).dispatch(request, admin);
        } catch (ApiException e) {
            return e.toResponse();
        } catch (RuntimeException e) {
            if (StoreFailures.isStoreFailure(e)) {
                // the database is down or busy past db.timeout, as the SIP applications answer it: 503
                LOG.warn("store unavailable: console API {} {}: {}", request.method(), request.path(),
                        StoreFailures.reason(e));
                return ApiResponse.error(503, "the store is unavailable; try again shortly", Map.of());
            }
            LOG.error("console API: {} {} failed", request.method(), request.path(), e);
            return ApiResponse.error(500, "internal error; the platform log has the details", Map.of());
        }
    }

    private Endpoint route(String path) {
        if (ACCOUNTS.equals(path) || (ACCOUNTS + "/").equals(path)) {
            return accounts.collection();
        }
        String account = member(ACCOUNTS, path);
        if (account != null) {
            return account(account).map(accounts::member).orElseThrow(() -> notFound(path));
        }
        Optional<Endpoint> ofAccount = accountOf(path, PREFERENCES).map(preferences::of)
                .or(() -> accountOf(path, PRESENCE_RULES).map(presenceRules::of))
                .or(() -> accountOf(path, WATCHERS).map(watchers::of));
        if (ofAccount.isPresent()) {
            return ofAccount.get();
        }
        if (BINDINGS.equals(path)) {
            return bindings.endpoint();
        }
        if (CALLS.equals(path)) {
            return calls.collection();
        }
        String call = member(CALLS, path);
        if (call != null) {
            return calls.member(call);
        }
        if (CALL_RECORDS.equals(path)) {
            return callRecords.endpoint();
        }
        String presentity = member(PRESENCE, path);
        if (presentity != null) {
            return presence.of(presentity);
        }
        throw notFound(path);
    }

    /** The last segment of {@code path} if it is {@code collection/segment}, else null. */
    private static String member(String collection, String path) {
        if (path.startsWith(collection + "/") && path.indexOf('/', collection.length() + 1) < 0
                && path.length() > collection.length() + 1) {
            return path.substring(collection.length() + 1);
        }
        return null;
    }

    /** The account of {@code /accounts/user@domain} + {@code suffix}; empty for another path, 404 for a bad id. */
    private static Optional<AccountId> accountOf(String path, String suffix) {
        if (!path.startsWith(ACCOUNTS + "/") || !path.endsWith(suffix)) {
            return Optional.empty();
        }
        String id = member(ACCOUNTS, path.substring(0, path.length() - suffix.length()));
        return Optional.of(account(id).orElseThrow(() -> notFound(path)));
    }

    private static Optional<AccountId> account(String segment) {
        return segment == null ? Optional.empty() : AccountId.parse(segment);
    }

    private static ApiException notFound(String path) {
        return ApiException.notFound("no such resource: /api" + path);
    }
}
