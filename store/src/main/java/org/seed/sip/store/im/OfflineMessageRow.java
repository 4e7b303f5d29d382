package org.seed.sip.store.im;

import java.time.Instant;
import java.util.Base64;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code offline_messages}: one {@link OfflineMessage}, its body in base64 (a body may be any bytes). */
@Entity
@Table(name = "offline_messages")
public class OfflineMessageRow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "recipient", nullable = false, length = 512)
    private String recipient;

    @Column(name = "from_address", nullable = false, length = 1024)
    private String fromAddress;

    @Column(name = "to_address", nullable = false, length = 1024)
    private String toAddress;

    @Column(name = "content_type", length = 255)
    private String contentType;

    @Column(name = "body_base64", nullable = false, length = 100000)
    private String bodyBase64;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** For JPA. */
    protected OfflineMessageRow() {
    }

    OfflineMessageRow(long accountId, OfflineMessage message) {
        this.accountId = accountId;
        this.recipient = message.recipient();
        this.fromAddress = message.from();
        this.toAddress = message.to();
        this.contentType = message.contentType();
        this.bodyBase64 = Base64.getEncoder().encodeToString(message.body());
        this.receivedAt = message.receivedAt();
        this.expiresAt = message.expiresAt();
    }

    long id() {
        return id;
    }

    OfflineMessage toMessage() {
        return new OfflineMessage(id, recipient, fromAddress, toAddress, contentType,
                Base64.getDecoder().decode(bodyBase64), receivedAt, expiresAt);
    }
}
