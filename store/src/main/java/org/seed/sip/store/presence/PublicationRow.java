package org.seed.sip.store.presence;

import java.time.Instant;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

/** A row of {@code presence_publications}: one {@link Publication}. */
@Entity
@Table(name = "presence_publications")
public class PublicationRow {

    @Id
    @Column(name = "entity_tag", length = 64)
    private String entityTag;

    @Column(name = "aor", nullable = false, length = 512)
    private String aor;

    @Column(name = "content_type", nullable = false, length = 128)
    private String contentType;

    @Column(name = "body", nullable = false, length = PublicationRepository.MAX_BODY_CHARACTERS)
    private String body;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** For JPA. */
    protected PublicationRow() {
    }

    PublicationRow(Publication publication) {
        entityTag = publication.entityTag();
        aor = publication.aor();
        contentType = publication.contentType();
        body = publication.body();
        expiresAt = publication.expiresAt();
        updatedAt = publication.updatedAt();
    }

    Publication toPublication() {
        return new Publication(entityTag, aor, contentType, body, expiresAt, updatedAt);
    }
}
