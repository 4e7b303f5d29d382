package org.seed.sip.store.bootstrap;

import java.util.ArrayList;
import java.util.List;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.account.DuplicateAccountException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a new installation its first accounts: the administrator and the demo users. It does nothing once
 * any account exists, so a restart, or an operator who deleted a demo user, is left alone.
 * <p>
 * Passwords the configuration leaves empty are generated, written to the credentials file, and logged once
 * at WARN: the operator needs them to log in, and they are never shown again (only their digests are stored).
 */
public final class AccountBootstrap {

    private static final Logger LOG = LoggerFactory.getLogger(AccountBootstrap.class);

    private final AccountRepository accounts;
    private final BootstrapSettings settings;

    public AccountBootstrap(AccountRepository accounts, BootstrapSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    /** Returns the accounts created: none if the store had any. */
    public List<Account> run() {
        if (accounts.count() > 0) {
            return List.of();
        }
        List<Planned> planned = plan();
        List<InitialCredential> generated = new ArrayList<>();
        for (Planned account : planned) {
            if (account.generated()) {
                generated.add(new InitialCredential(account.username(), settings.domain(), account.password()));
            }
        }
        // written before any account exists: if the file cannot be written, the next start tries again
        if (!generated.isEmpty()) {
            CredentialsFile.write(settings.credentialsFile(), generated);
        }
        List<Account> created = new ArrayList<>();
        for (Planned account : planned) {
            create(account, created);
        }
        for (InitialCredential credential : generated) {
            LOG.warn("generated password for SIP account {}@{}: {} (also in {}; change it)", credential.username(),
                    credential.domain(), credential.password(), settings.credentialsFile());
        }
        return created;
    }

    private List<Planned> plan() {
        List<Planned> planned = new ArrayList<>();
        planned.add(Planned.of(settings.adminUser(), "Administrator", settings.adminPassword(), true));
        for (String demoUser : settings.demoUsers()) {
            if (!demoUser.equals(settings.adminUser())) {
                planned.add(Planned.of(demoUser, demoUser, settings.demoPassword(), false));
            }
        }
        return planned;
    }

    private void create(Planned account, List<Account> created) {
        try {
            created.add(accounts.create(account.username(), settings.domain(), account.displayName(),
                    account.password().toCharArray(), account.admin()));
            LOG.info("created {}account {}@{}", account.admin() ? "administrator " : "", account.username(),
                    settings.domain());
        } catch (DuplicateAccountException e) {
            // another node sharing the database bootstrapped at the same moment
            LOG.info("bootstrap account {}@{} exists already", account.username(), settings.domain());
        }
    }

    /** An account to create, with its password and whether it was generated. */
    private record Planned(String username, String displayName, String password, boolean admin, boolean generated) {

        static Planned of(String username, String displayName, String configuredPassword, boolean admin) {
            boolean generate = configuredPassword.isEmpty();
            return new Planned(username, displayName, generate ? RandomPasswords.next() : configuredPassword, admin,
                    generate);
        }
    }
}
