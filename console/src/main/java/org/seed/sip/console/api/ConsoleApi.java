package org.seed.sip.console.api;

import java.time.Clock;
import java.util.Map;

import org.seed.sip.store.Store;
import org.seed.sip.store.StoreFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's REST API without the servlet container: authenticates a request, routes it by path to a
 * resource and turns every outcome, refusals and failures included, into an {@link ApiResponse}.
 * <p>
 * Paths (below {@code /api}): {@code /accounts}, {@code /accounts/user@domain}, {@code /bindings}.
 */
public final class ConsoleApi {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleApi.class);
    private static final String ACCOUNTS = "/accounts";
    private static final String BINDINGS = "/bindings";

    private final AdminAuthenticator authenticator;
    private final AccountsResource accounts;
    private final BindingsResource bindings;

    private ConsoleApi(AdminAuthenticator authenticator, AccountsResource accounts, BindingsResource bindings) {
        this.authenticator = authenticator;
        this.accounts = accounts;
        this.bindings = bindings;
    }

    public static ConsoleApi create(Store store, ConsoleSettings settings, Clock clock) {
        return new ConsoleApi(new AdminAuthenticator(store.accounts(), settings.defaultDomain()),
                new AccountsResource(store.accounts(), new AccountRules(settings)),
                new BindingsResource(store.bindings(), clock));
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
        if (path.startsWith(ACCOUNTS + "/") && path.indexOf('/', ACCOUNTS.length() + 1) < 0) {
            return AccountId.parse(path.substring(ACCOUNTS.length() + 1))
                    .map(accounts::member)
                    .orElseThrow(() -> notFound(path));
        }
        if (BINDINGS.equals(path)) {
            return bindings.endpoint();
        }
        throw notFound(path);
    }

    private static ApiException notFound(String path) {
        return ApiException.notFound("no such resource: /api" + path);
    }
}
