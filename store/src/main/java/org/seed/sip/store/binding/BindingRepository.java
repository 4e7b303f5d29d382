package org.seed.sip.store.binding;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.persistence.EntityManager;
import javax.persistence.LockModeType;
import javax.persistence.OptimisticLockException;
import javax.persistence.PersistenceException;
import org.seed.sip.store.jpa.Causes;
import org.seed.sip.store.jpa.Transactions;
import org.seed.sip.store.jpa.UniqueViolation;

/**
 * The location service's table: bindings of AORs to contacts, each call in its own transaction. The
 * registrar writes; everything that routes to a user reads {@link #current(String, Instant)}. Every change
 * goes through here and is announced to the {@link #events()} listeners once committed.
 */
public final class BindingRepository {

    /** The order of {@link #current}: by q-value (no q = 1.0) descending, then the most recently updated. */
    private static final Comparator<Binding> MOST_PREFERRED_FIRST = Comparator
            .comparingDouble((Binding binding) -> binding.effectiveQ()).reversed()
            .thenComparing(Binding::getUpdatedAt, Comparator.reverseOrder());
    private static final int AOR_LOCK_STRIPES = 1024;

    private final Transactions transactions;
    /** Serialises the changes of one AOR within this process. */
    private final ReentrantLock[] aorLocks = new ReentrantLock[AOR_LOCK_STRIPES];
    /** How the AOR's rows are also locked in the database, for the nodes that share it; NONE if none do. */
    private final LockModeType databaseLock;
    private final BindingEvents events = new BindingEvents();

    /**
     * @param sharedByNodes whether other processes may change bindings in the same database (PostgreSQL):
     *                      then the AOR's rows are locked there too, not only within this process
     */
    public BindingRepository(Transactions transactions, boolean sharedByNodes) {
        this.transactions = transactions;
        this.databaseLock = sharedByNodes ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE;
        Arrays.setAll(aorLocks, stripe -> new ReentrantLock());
    }

    /** Where every committed change of bindings is announced. */
    public BindingEvents events() {
        return events;
    }

    /**
     * The unexpired bindings of {@code aor}, most preferred first: by q-value (no q = 1.0) descending, then
     * the most recently updated (RFC 3261 leaves equal q-values unordered; the newest registration is the
     * likeliest to be live).
     */
    public List<Binding> current(String aor, Instant now) {
        return preferredFirst(transactions.read(em -> em
                .createQuery("select b from Binding b where b.aor = :aor and b.expiresAt > :now", Binding.class)
                .setParameter("aor", aor)
                .setParameter("now", now)
                .getResultList()), now);
    }

    /** The unexpired ones of {@code bindings}, most preferred first (see {@link #current}). */
    private static List<Binding> preferredFirst(List<Binding> bindings, Instant now) {
        return bindings.stream()
                .filter(binding -> !binding.isExpiredAt(now))
                .sorted(MOST_PREFERRED_FIRST)
                .toList();
    }

    /**
     * Inserts {@code binding}, or updates the stored binding with the same AOR and contact. The change is
     * committed when this returns (RFC 3261 §10.3 step 7: binding changes are committed before the registrar
     * answers 200 OK).
     *
     * @return the stored binding; the argument is left unchanged
     */
    public Binding save(Binding binding) {
        Saved saved;
        try {
            saved = upsert(binding);
        } catch (PersistenceException e) {
            // another node inserted the same contact between our lookup and insert: it exists now, update it
            if (!UniqueViolation.isCauseOf(e)) {
                throw e;
            }
            saved = upsert(binding);
        }
        events.announce(List.of(saved.event()));
        return saved.binding();
    }

    private record Saved(Binding binding, BindingEvent event) {
    }

    private Saved upsert(Binding binding) {
        Instant now = Instant.now();
        return transactions.inTransaction(em -> {
            Optional<Binding> stored = find(em, binding.getAor(), binding.getContactUri());
            boolean current = stored.filter(existing -> !existing.isExpiredAt(now)).isPresent();
            Binding saved = stored.orElseGet(() -> {
                Binding inserted = binding.copy();
                em.persist(inserted);
                return inserted;
            });
            saved.refreshFrom(binding);
            return new Saved(saved, new BindingEvent(binding.getAor(), BindingEvent.Cause.REGISTER,
                    List.of(bound(saved, current ? BindingChange.Kind.REFRESHED : BindingChange.Kind.ADDED, now))));
        });
    }

    private static Optional<Binding> find(EntityManager em, String aor, String contactUri) {
        return em.createQuery("select b from Binding b where b.aor = :aor and b.contactUri = :contactUri", Binding.class)
                .setParameter("aor", aor)
                .setParameter("contactUri", contactUri)
                .getResultStream()
                .findFirst();
    }

    /**
     * Applies one registration to {@code aor} all or nothing (RFC 3261 §10.3 step 7: "the binding updates
     * MUST be committed ... only if all of them succeed"). The AOR's stored bindings, expired ones included,
     * are read while the AOR is locked (in this process, and in the database too when nodes share it) and
     * handed to {@code decide}, which may be called again if a concurrent change invalidated what it saw;
     * the changes it returns are committed
     * before this returns, so concurrent registrations of one AOR see each other's result in turn. The
     * AOR's bindings current at {@code now} after the change come back from the same transaction.
     */
    public <R> Changed<R> change(String aor, Instant now, Function<List<Binding>, BindingChanges<R>> decide) {
        return change(aor, now, BindingEvent.Cause.REGISTER, em -> true, decide);
    }

    /**
     * As {@link #change(String, Instant, Function)}, for {@code cause}, with {@code alongside} run first in
     * the same transaction; if it returns false nothing is changed. The change is announced once committed,
     * while the AOR is still locked: the changes of one AOR reach listeners in the order they were committed.
     */
    private <R> Changed<R> change(String aor, Instant now, BindingEvent.Cause cause,
            Predicate<EntityManager> alongside, Function<List<Binding>, BindingChanges<R>> decide) {
        Applied<R> applied;
        try {
            applied = applyChanges(aor, now, cause, alongside, decide);
        } catch (PersistenceException e) {
            // another node inserted a contact we had not seen, or the expiry purge deleted one we were
            // refreshing (on H2, where the AOR is locked in this process only): decide again on what is stored
            if (!UniqueViolation.isCauseOf(e) && !Causes.any(e, OptimisticLockException.class::isInstance)) {
                throw e;
            }
            applied = applyChanges(aor, now, cause, alongside, decide);
        }
        return applied.changed();
    }

    /** A change as committed, and its announcement (null when nothing changed). */
    private record Applied<R>(Changed<R> changed, BindingEvent event) {
    }

    private <R> Applied<R> applyChanges(String aor, Instant now, BindingEvent.Cause cause,
            Predicate<EntityManager> alongside, Function<List<Binding>, BindingChanges<R>> decide) {
        Lock aorLock = aorLocks[Math.floorMod(aor.hashCode(), aorLocks.length)];
        return transactions.inTransaction(aorLock, em -> {
            if (!alongside.test(em)) {
                return new Applied<>(new Changed<>(null, List.of()), null);
            }
            List<Binding> stored = em
                    .createQuery("select b from Binding b where b.aor = :aor order by b.contactUri", Binding.class)
                    .setParameter("aor", aor)
                    .setLockMode(databaseLock)
                    .getResultList();
            BindingChanges<R> changes = decide.apply(List.copyOf(stored));
            List<BindingChange> announced = new ArrayList<>();
            List<Binding> after = apply(em, stored, changes, now, announced);
            BindingEvent event = announced.isEmpty() && cause != BindingEvent.Cause.ACCOUNT_DELETED ? null
                    : new BindingEvent(aor, cause, announced);
            return new Applied<>(new Changed<>(changes.result(), preferredFirst(after, now)), event);
        }, applied -> {
            if (applied.event() != null) {
                events.announce(List.of(applied.event()));
            }
        });
    }

    /**
     * Applies {@code changes} to the AOR's {@code stored} bindings, adding what each did to {@code announced};
     * returns the AOR's bindings after them.
     */
    private static List<Binding> apply(EntityManager em, List<Binding> stored, BindingChanges<?> changes, Instant now,
            List<BindingChange> announced) {
        // the stored bindings were read (and locked) already: kept ones are updated in place, no lookup
        Map<String, Binding> kept = new LinkedHashMap<>();
        boolean removed = false;
        for (Binding binding : stored) {
            if (changes.removeAll() || changes.removals().contains(binding.getContactUri())) {
                em.remove(binding);
                removed = true;
                announced.add(gone(binding, binding.isExpiredAt(now) ? BindingChange.Kind.EXPIRED
                        : BindingChange.Kind.REMOVED));
            } else {
                kept.put(binding.getContactUri(), binding);
            }
        }
        if (removed) {
            // Hibernate would run inserts before deletes: a contact removed and saved again needs its delete first
            em.flush();
        }
        List<Binding> after = new ArrayList<>(kept.values());
        for (Binding binding : changes.saves()) {
            Binding existing = kept.get(binding.getContactUri());
            if (existing != null) {
                boolean current = !existing.isExpiredAt(now);
                existing.refreshFrom(binding);
                announced.add(bound(existing, current ? BindingChange.Kind.REFRESHED : BindingChange.Kind.ADDED, now));
            } else {
                Binding inserted = binding.copy();
                em.persist(inserted);
                after.add(inserted);
                announced.add(bound(inserted, BindingChange.Kind.ADDED, now));
            }
        }
        return after;
    }

    private static BindingChange bound(Binding binding, BindingChange.Kind kind, Instant now) {
        return new BindingChange(binding.getContactUri(), kind,
                binding.secondsLeftAt(now), binding.getCallId(),
                binding.getCseq(), binding.getQ());
    }

    private static BindingChange gone(Binding binding, BindingChange.Kind kind) {
        return new BindingChange(binding.getContactUri(), kind, 0, null, 0, binding.getQ());
    }

    /** What {@link #change} decided, and the AOR's current bindings once it was applied. */
    public record Changed<R>(R result, List<Binding> current) {

        public Changed {
            current = List.copyOf(current);
        }
    }

    /**
     * Removes one contact of {@code aor} by an operator's decision; returns how many bindings were removed
     * (0 or 1).
     */
    public int remove(String aor, String contactUri) {
        return change(aor, Instant.now(), BindingEvent.Cause.ADMINISTRATOR, em -> true, stored -> {
            int found = (int) stored.stream().filter(binding -> binding.getContactUri().equals(contactUri)).count();
            return new BindingChanges<>(List.of(), List.of(contactUri), false, found);
        }).result();
    }

    /** Removes every binding of {@code aor} by an operator's decision; returns how many were removed. */
    public int removeAll(String aor) {
        return change(aor, Instant.now(), BindingEvent.Cause.ADMINISTRATOR, em -> true,
                stored -> new BindingChanges<>(List.of(), List.of(), true, stored.size())).result();
    }

    /**
     * Runs {@code deleteAccount} and removes every binding of {@code aor} in the same transaction: a phone of
     * a deleted account must not stay reachable, not even for a moment. Nothing is removed if it deletes
     * no account.
     *
     * @return whether {@code deleteAccount} deleted the account
     */
    public boolean removeWithAccount(String aor, Predicate<EntityManager> deleteAccount) {
        // the result is null when deleteAccount found nothing and the change did not run
        return Boolean.TRUE.equals(change(aor, Instant.now(), BindingEvent.Cause.ACCOUNT_DELETED, deleteAccount,
                stored -> new BindingChanges<>(List.of(), List.of(), true, Boolean.TRUE)).result());
    }

    /**
     * Deletes the bindings expired at {@code now} and returns them. Each AOR's are deleted as one change of
     * that AOR, like a registration's (locked, announced as "expired" in commit order, RFC 3680): an AOR that
     * re-registers meanwhile keeps its new binding and its watchers hear of both in the order they happened.
     */
    public List<Binding> purgeExpired(Instant now) {
        List<String> aors = transactions.read(em -> em
                .createQuery("select distinct b.aor from Binding b where b.expiresAt <= :now order by b.aor",
                        String.class)
                .setParameter("now", now)
                .getResultList());
        List<Binding> purged = new ArrayList<>();
        for (String aor : aors) {
            purged.addAll(change(aor, now, BindingEvent.Cause.EXPIRY, em -> true, stored -> {
                List<Binding> due = stored.stream().filter(binding -> binding.isExpiredAt(now)).toList();
                return new BindingChanges<>(List.of(), due.stream().map(Binding::getContactUri).toList(), false, due);
            }).result());
        }
        return purged;
    }

    /** Every stored binding, expired or not, by AOR then contact: for the console and for tests. */
    public List<Binding> all() {
        return transactions.read(em -> em
                .createQuery("select b from Binding b order by b.aor, b.contactUri", Binding.class)
                .getResultList());
    }
}
