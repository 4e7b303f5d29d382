package org.seed.sip.console.api;

import java.util.List;
import java.util.Map;

import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.account.DuplicateAccountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /api/accounts} and {@code /api/accounts/user@domain}: list, create, read, change and delete SIP
 * accounts. The last enabled administrator can be neither disabled, demoted nor deleted, so the console
 * cannot lock every operator out.
 */
final class AccountsResource {

    private static final Logger LOG = LoggerFactory.getLogger(AccountsResource.class);

    private final AccountRepository accounts;
    private final AccountRules rules;

    AccountsResource(AccountRepository accounts, AccountRules rules) {
        this.accounts = accounts;
        this.rules = rules;
    }

    Endpoint collection() {
        return new Endpoint()
                .on("GET", (request, admin) -> list())
                .on("POST", this::create);
    }

    Endpoint member(AccountId id) {
        return new Endpoint()
                .on("GET", (request, admin) -> ApiResponse.ok(AccountView.of(find(id))))
                .on("PATCH", (request, admin) -> update(id, request, admin))
                .on("DELETE", (request, admin) -> delete(id, admin));
    }

    private ApiResponse list() {
        List<AccountView> views = accounts.list().stream().map(AccountView::of).toList();
        return ApiResponse.ok(Map.of("accounts", views));
    }

    private ApiResponse create(ApiRequest request, AccountId admin) {
        NewAccount input = Json.read(request, NewAccount.class);
        try {
            String username = rules.username(input.username());
            String domain = rules.domain(input.domain());
            String displayName = rules.displayName(input.displayName());
            char[] password = rules.password(input.password());
            Account account = accounts.create(username, domain, displayName, password, input.isAdmin());
            AccountId id = AccountId.of(account);
            LOG.info("console: {} created account {}{}", admin, id, account.isAdmin() ? " (administrator)" : "");
            return ApiResponse.created(id.path(), AccountView.of(account));
        } catch (DuplicateAccountException e) {
            throw ApiException.conflict(e.getMessage());
        } finally {
            input.wipePassword();
        }
    }

    private ApiResponse update(AccountId id, ApiRequest request, AccountId admin) {
        AccountChanges changes = Json.read(request, AccountChanges.class);
        try {
            if (changes.isEmpty()) {
                throw ApiException.badRequest("nothing to change: give enabled, displayName, password or admin");
            }
            String displayName = rules.displayName(changes.displayName());
            if (changes.password() != null) {
                rules.password(changes.password());
            }
            if (changes.endsAdministrationOf(find(id))) {
                requireAnotherActiveAdministrator(id);
            }
            Account changed = accounts.update(id.username(), id.domain(), account -> changes.applyTo(account, displayName))
                    .orElseThrow(() -> noSuchAccount(id));
            LOG.info("console: {} changed account {}: {}", admin, id, changes.summary());
            return ApiResponse.ok(AccountView.of(changed));
        } finally {
            changes.wipePassword();
        }
    }

    /**
     * Deletes the account and its bindings, in one transaction of the store: a phone of a deleted account
     * must not stay reachable. The store announces the removed bindings (reg-event watchers hear of it).
     */
    private ApiResponse delete(AccountId id, AccountId admin) {
        Account account = find(id);
        if (account.isAdmin() && account.isEnabled()) {
            requireAnotherActiveAdministrator(id);
        }
        if (!accounts.delete(id.username(), id.domain())) {
            throw noSuchAccount(id);
        }
        LOG.info("console: {} deleted account {} and its bindings", admin, id);
        return ApiResponse.noContent();
    }

    private Account find(AccountId id) {
        return accounts.find(id.username(), id.domain()).orElseThrow(() -> noSuchAccount(id));
    }

    private void requireAnotherActiveAdministrator(AccountId id) {
        boolean another = accounts.list().stream()
                .anyMatch(account -> account.isAdmin() && account.isEnabled() && !AccountId.of(account).equals(id));
        if (!another) {
            throw ApiException.conflict(id + " is the last enabled administrator; make another one first");
        }
    }

    private static ApiException noSuchAccount(AccountId id) {
        return ApiException.notFound("no account " + id);
    }
}
