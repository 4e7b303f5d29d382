package org.seed.sip.store.binding;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.Table;
import javax.persistence.UniqueConstraint;

/**
 * One registered contact of an address-of-record (RFC 3261 §10.3), with what RFC 3327 (Path) and RFC 5626
 * (outbound: {@code +sip.instance}, {@code reg-id}) need to reach it again.
 * <p>
 * The AOR is stored as given: callers pass it normalised ({@code sip:user@domain}), since lookups compare
 * it exactly. Build one with {@link #builder(String, String)}.
 */
@Entity
@Table(name = "bindings",
        uniqueConstraints = @UniqueConstraint(name = "uk_bindings_aor_contact", columnNames = {"aor", "contact_uri"}),
        indexes = {
                @Index(name = "ix_bindings_aor", columnList = "aor"),
                @Index(name = "ix_bindings_expires_at", columnList = "expires_at")})
public class Binding {

    /** Contacts without a q-value rank as q=1.0: RFC 3261 §20.10 gives no default, and this is the usual one. */
    public static final float DEFAULT_Q = 1.0f;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "aor", nullable = false, length = 512)
    private String aor;

    @Column(name = "contact_uri", nullable = false, length = 1024)
    private String contactUri;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "q")
    private Float q;

    @Column(name = "call_id", nullable = false, length = 512)
    private String callId;

    @Column(name = "cseq", nullable = false)
    private long cseq;

    @Column(name = "path", length = 4000)
    private String path;

    @Column(name = "instance_id", length = 255)
    private String instanceId;

    @Column(name = "reg_id")
    private Integer regId;

    @Column(name = "source_address", nullable = false, length = 255)
    private String sourceAddress;

    @Column(name = "source_port", nullable = false)
    private int sourcePort;

    @Column(name = "transport", nullable = false, length = 16)
    private String transport;

    @Column(name = "user_agent", length = 1024)
    private String userAgent;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Binding() {
        // for JPA
    }

    public static Builder builder(String aor, String contactUri) {
        return new Builder(aor, contactUri);
    }

    /** Takes over the registration state of {@code newer}, a re-registration of the same AOR and contact. */
    void refreshFrom(Binding newer) {
        expiresAt = newer.expiresAt;
        q = newer.q;
        callId = newer.callId;
        cseq = newer.cseq;
        path = newer.path;
        instanceId = newer.instanceId;
        regId = newer.regId;
        sourceAddress = newer.sourceAddress;
        sourcePort = newer.sourcePort;
        transport = newer.transport;
        userAgent = newer.userAgent;
        updatedAt = newer.updatedAt;
    }

    /** A new, unsaved binding with the same state. */
    Binding copy() {
        Binding copy = new Binding();
        copy.aor = aor;
        copy.contactUri = contactUri;
        copy.refreshFrom(this);
        return copy;
    }

    public boolean isExpiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }

    /** Whole seconds the binding has left at {@code now}; 0 once expired. */
    public long secondsLeftAt(Instant now) {
        return Math.max(0, Duration.between(now, expiresAt).toSeconds());
    }

    /** The q-value used to rank this contact: its own, or {@link #DEFAULT_Q}. */
    public float effectiveQ() {
        return q == null ? DEFAULT_Q : q;
    }

    public Long getId() {
        return id;
    }

    public String getAor() {
        return aor;
    }

    public String getContactUri() {
        return contactUri;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    public Float getQ() {
        return q;
    }

    public String getCallId() {
        return callId;
    }

    public long getCseq() {
        return cseq;
    }

    /** The Path header values of the REGISTER (RFC 3327), joined with ","; null without Path. */
    public String getPath() {
        return path;
    }

    public String getInstanceId() {
        return instanceId;
    }

    public Integer getRegId() {
        return regId;
    }

    public String getSourceAddress() {
        return sourceAddress;
    }

    public int getSourcePort() {
        return sourcePort;
    }

    public String getTransport() {
        return transport;
    }

    public String getUserAgent() {
        return userAgent;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @Override
    public String toString() {
        return "Binding[" + aor + " -> " + contactUri + " until " + expiresAt + "]";
    }

    /** Collects a binding's state; {@code expiresAt}, {@code callId}, {@code cseq} and the source are required. */
    public static final class Builder {

        private final Binding binding = new Binding();
        private boolean cseqSet;

        private Builder(String aor, String contactUri) {
            binding.aor = requireText(aor, "aor");
            binding.contactUri = requireText(contactUri, "contactUri");
        }

        public Builder expiresAt(Instant expiresAt) {
            binding.expiresAt = micros(expiresAt);
            return this;
        }

        /** RFC 3261 §20.10: 0.0 to 1.0; null when the Contact had no q parameter. */
        public Builder q(Float q) {
            if (q != null && (q < 0f || q > 1f)) {
                throw new IllegalArgumentException("q must be between 0 and 1, not " + q);
            }
            binding.q = q;
            return this;
        }

        /** The Call-ID and CSeq number of the REGISTER, to order registrations (RFC 3261 §10.3 step 7). */
        public Builder request(String callId, long cseq) {
            binding.callId = requireText(callId, "callId");
            binding.cseq = cseq;
            cseqSet = true;
            return this;
        }

        /** The Path header values in order (RFC 3327); none or empty for no Path. */
        public Builder path(List<String> pathValues) {
            binding.path = pathValues == null || pathValues.isEmpty() ? null : String.join(",", pathValues);
            return this;
        }

        /** RFC 5626 {@code +sip.instance} and {@code reg-id}; both may be null. */
        public Builder outbound(String instanceId, Integer regId) {
            binding.instanceId = instanceId;
            binding.regId = regId;
            return this;
        }

        /** Where the REGISTER came from: address, port and transport (UDP, TCP, TLS...). */
        public Builder source(String address, int port, String transport) {
            binding.sourceAddress = requireText(address, "source address");
            binding.sourcePort = port;
            binding.transport = requireText(transport, "transport");
            return this;
        }

        public Builder userAgent(String userAgent) {
            binding.userAgent = userAgent;
            return this;
        }

        /** When the registrar accepted this state; defaults to now at {@link #build()}. */
        public Builder updatedAt(Instant updatedAt) {
            binding.updatedAt = micros(updatedAt);
            return this;
        }

        public Binding build() {
            Objects.requireNonNull(binding.expiresAt, "expiresAt");
            if (!cseqSet) {
                throw new IllegalStateException("the Call-ID and CSeq of the REGISTER are required");
            }
            Objects.requireNonNull(binding.sourceAddress, "source");
            if (binding.updatedAt == null) {
                binding.updatedAt = micros(Instant.now());
            }
            return binding.copy();
        }

        // the database keeps microseconds; truncating here makes a saved binding equal its reloaded self
        private static Instant micros(Instant instant) {
            return Objects.requireNonNull(instant, "instant").truncatedTo(ChronoUnit.MICROS);
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be empty");
            }
            return value;
        }
    }
}
