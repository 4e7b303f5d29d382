package org.seed.sip.store.bootstrap;

import java.nio.file.Path;
import java.util.List;
import org.seed.sip.common.config.ConfigurationException;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.store.account.Account;

/**
 * The accounts to create when the store starts empty.
 *
 * @param domain          where they are created: the first of {@code sip.domains}
 * @param adminUser       {@code bootstrap.admin.user}
 * @param adminPassword   {@code bootstrap.admin.password}; empty: generate one
 * @param demoUsers       {@code bootstrap.demo.users}
 * @param demoPassword    {@code bootstrap.demo.password}, for every demo user; empty: generate one each
 * @param credentialsFile where generated passwords are written: {@code ${data.dir}/initial-credentials.txt}
 */
public record BootstrapSettings(String domain, String adminUser, String adminPassword, List<String> demoUsers,
        String demoPassword, Path credentialsFile) {

    public BootstrapSettings {
        demoUsers = List.copyOf(demoUsers);
    }

    public static BootstrapSettings from(PlatformSettings settings) {
        List<String> domains = settings.list("sip.domains");
        if (domains.isEmpty()) {
            throw new ConfigurationException("sip.domains names no domain to create the first accounts in");
        }
        String adminUser = settings.string("bootstrap.admin.user");
        if (adminUser.isBlank()) {
            throw new ConfigurationException("bootstrap.admin.user must name the administrator account");
        }
        return new BootstrapSettings(Account.normaliseDomain(domains.get(0)), adminUser, settings.string("bootstrap.admin.password"),
                settings.list("bootstrap.demo.users"), settings.string("bootstrap.demo.password"),
                settings.path("data.dir").resolve("initial-credentials.txt"));
    }

    @Override
    public String toString() {
        return "BootstrapSettings[domain=" + domain + ", admin=" + adminUser + ", demo=" + demoUsers + "]";
    }
}
