package org.seed.sip.store.presence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.persistence.EntityManager;
import org.seed.sip.store.jpa.Transactions;

/**
 * The presence publications (RFC 3903), each change one transaction, committed and durable when the method
 * returns: a 200 OK to a PUBLISH is sent only after that, as for REGISTER. Nothing is cached: the presence
 * server and the console compose from here on every read, so they agree.
 */
public final class PublicationRepository {

    /** The body column's size; a larger document cannot be stored (the publish settings refuse it before). */
    public static final int MAX_BODY_CHARACTERS = 65536;

    private final Transactions transactions;

    public PublicationRepository(Transactions transactions) {
        this.transactions = transactions;
    }

    /** The publication of {@code entityTag}, if it is live at {@code now}. */
    public Optional<Publication> find(String entityTag, Instant now) {
        return transactions.read(em -> Optional.ofNullable(em.find(PublicationRow.class, entityTag))
                .map(PublicationRow::toPublication)
                .filter(publication -> publication.isLiveAt(now)));
    }

    /** The live publications of {@code aor}, the most recently published first. */
    public List<Publication> live(String aor, Instant now) {
        return transactions.read(em -> em
                .createQuery("select p from PublicationRow p where p.aor = :aor and p.expiresAt > :now"
                        + " order by p.updatedAt desc, p.entityTag", PublicationRow.class)
                .setParameter("aor", aor)
                .setParameter("now", now)
                .getResultStream()
                .map(PublicationRow::toPublication)
                .toList());
    }

    /** Stores a new publication (RFC 3903 §6 step 8, an initial PUBLISH). */
    public void add(Publication publication) {
        transactions.inTransaction(em -> {
            em.persist(new PublicationRow(publication));
            return null;
        });
    }

    /**
     * Replaces the publication of {@code entityTag}, if it is still live at {@code now} and of the same
     * presentity as {@code next}, with {@code next} (a refresh or a modify: RFC 3903 §6 step 8 issues a new
     * entity-tag each time), in one transaction.
     *
     * @return false, storing nothing, if there is no such publication (another presentity's, expired, removed,
     *         or replaced meanwhile)
     */
    public boolean replace(String entityTag, Instant now, Publication next) {
        return transactions.inTransaction(em -> {
            if (deleteLive(em, entityTag, next.aor(), now) == 0) {
                return false;
            }
            em.persist(new PublicationRow(next));
            return true;
        });
    }

    /**
     * Removes {@code aor}'s publication of {@code entityTag} (RFC 3903 §4.4); false if it has none live at
     * {@code now} by that tag.
     */
    public boolean remove(String aor, String entityTag, Instant now) {
        return transactions.inTransaction(em -> deleteLive(em, entityTag, aor, now) > 0);
    }

    /** Deletes the publications expired at {@code now} and returns them. */
    public List<Publication> purgeExpired(Instant now) {
        return transactions.inTransaction(em -> {
            List<PublicationRow> expired = em
                    .createQuery("select p from PublicationRow p where p.expiresAt <= :now order by p.aor",
                            PublicationRow.class)
                    .setParameter("now", now)
                    .getResultList();
            expired.forEach(em::remove);
            return expired.stream().map(PublicationRow::toPublication).toList();
        });
    }

    private static int deleteLive(EntityManager em, String entityTag, String aor, Instant now) {
        return em.createQuery("delete from PublicationRow p where p.entityTag = :tag and p.aor = :aor"
                        + " and p.expiresAt > :now")
                .setParameter("tag", entityTag)
                .setParameter("aor", aor)
                .setParameter("now", now)
                .executeUpdate();
    }
}
