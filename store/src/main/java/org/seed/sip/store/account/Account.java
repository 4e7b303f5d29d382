package org.seed.sip.store.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * A SIP account, {@code username@domain}, which is also a console login when {@link #isAdmin()}.
 * <p>
 * The password is kept only as its two HA1 digests with realm = domain, so a Digest challenge from this
 * platform must carry the account's domain as its realm. The domain is stored in lower case (host names
 * compare case-insensitively, RFC 3261 §19.1.4); the user name keeps its case, as user parts are
 * case-sensitive.
 */
@Entity
@Table(name = "accounts",
        uniqueConstraints = @UniqueConstraint(name = "uk_accounts_username_domain", columnNames = {"username", "domain"}))
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "username", nullable = false, length = 128)
    private String username;

    @Column(name = "domain", nullable = false, length = 255)
    private String domain;

    @Column(name = "display_name", length = 255)
    private String displayName;

    @Column(name = "ha1_md5", nullable = false, length = 32)
    private String ha1Md5;

    @Column(name = "ha1_sha256", nullable = false, length = 64)
    private String ha1Sha256;

    @Column(name = "admin", nullable = false)
    private boolean admin;

    @Column(name = "enabled", nullable = false)
    private boolean enabled;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Account() {
        // for JPA
    }

    /** A new, enabled account; {@code password} is digested and not kept. */
    public Account(String username, String domain, String displayName, char[] password, boolean admin) {
        this.username = requireText(username, "username");
        this.domain = normaliseDomain(domain);
        this.displayName = displayName;
        this.admin = admin;
        this.enabled = true;
        // the database keeps microseconds; truncating here makes a stored account equal its reloaded self
        this.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        changePassword(password);
    }

    /** The form domains are stored and looked up in: lower case. */
    public static String normaliseDomain(String domain) {
        return requireText(domain, "domain").toLowerCase(Locale.ROOT);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
        return value;
    }

    public void changePassword(char[] password) {
        Objects.requireNonNull(password, "password");
        this.ha1Md5 = Ha1.md5(username, domain, password);
        this.ha1Sha256 = Ha1.sha256(username, domain, password);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDomain() {
        return domain;
    }

    /** The Digest realm the HA1 digests were computed with. */
    public String realm() {
        return domain;
    }

    /** {@code sip:username@domain}, the address-of-record this account registers. */
    public String aor() {
        return "sip:" + username + "@" + domain;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getHa1Md5() {
        return ha1Md5;
    }

    public String getHa1Sha256() {
        return ha1Sha256;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    @Override
    public String toString() {
        return "Account[" + username + "@" + domain + (admin ? ", admin" : "") + (enabled ? "" : ", disabled") + "]";
    }
}
