package org.seed.sip.store;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.persistence.EntityManager;
import javax.persistence.EntityManagerFactory;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceProvider;
import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingRepository;
import org.seed.sip.store.bootstrap.AccountBootstrap;
import org.seed.sip.store.bootstrap.BootstrapSettings;
import org.seed.sip.store.calls.CallRecordRepository;
import org.seed.sip.store.calls.CallRecordRow;
import org.seed.sip.store.event.EventSubscription;
import org.seed.sip.store.event.EventSubscriptionRepository;
import org.seed.sip.store.im.OfflineMessageRepository;
import org.seed.sip.store.im.OfflineMessageRow;
import org.seed.sip.store.jpa.Durability;
import org.seed.sip.store.jpa.EntityUnit;
import org.seed.sip.store.jpa.Transactions;
import org.seed.sip.store.location.LocationService;
import org.seed.sip.store.preferences.CallPreferencesRepository;
import org.seed.sip.store.preferences.CallPreferencesRow;
import org.seed.sip.store.presence.PresenceRulesRepository;
import org.seed.sip.store.presence.PresenceRulesRow;
import org.seed.sip.store.presence.PublicationRepository;
import org.seed.sip.store.presence.PublicationRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's one persistence unit: a connection pool, the schema brought up to date by Flyway, and an
 * {@link EntityManagerFactory} over it, with the repositories built on top.
 * <p>
 * The store jar sits in the EAR's shared {@code lib/}, so every application reaches the same instance
 * through {@link #shared()}. {@link #open(StoreSettings)} makes a private one, for tools and tests.
 */
public final class Store implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Store.class);
    private static final String UNIT_NAME = "sip-store";
    /** Every entity, listed: nothing is found by scanning. */
    private static final List<Class<?>> ENTITIES = List.of(Account.class, Binding.class, EventSubscription.class,
            CallPreferencesRow.class, CallRecordRow.class, PresenceRulesRow.class, PublicationRow.class,
            OfflineMessageRow.class);

    private static final Object SHARED_LOCK = new Object();
    private static volatile Store shared;

    private final StoreSettings settings;
    private final HikariDataSource pool;
    private final Durability durability;
    private final EntityManagerFactory entityManagerFactory;
    private final Transactions transactions;
    private final AccountRepository accounts;
    private final BindingRepository bindings;
    private final LocationService locations;
    private final EventSubscriptionRepository subscriptions;
    private final CallPreferencesRepository preferences;
    private final CallRecordRepository callRecords;
    private final PresenceRulesRepository presenceRules;
    private final PublicationRepository publications;
    private final OfflineMessageRepository offlineMessages;

    private Store(StoreSettings settings, HikariDataSource pool, Durability durability,
            EntityManagerFactory entityManagerFactory) {
        this.settings = settings;
        this.pool = pool;
        this.durability = durability;
        this.entityManagerFactory = entityManagerFactory;
        this.transactions = new Transactions(entityManagerFactory, durability, settings.timeout());
        // an embedded H2 database belongs to this process alone; a database server may serve several nodes
        this.bindings = new BindingRepository(transactions, !settings.jdbcUrl().startsWith("jdbc:h2:"));
        this.accounts = new AccountRepository(transactions, settings.credentialsLifetime(), bindings);
        this.subscriptions = new EventSubscriptionRepository(transactions);
        this.locations = new LocationService(bindings, Clock.systemUTC());
        this.preferences = new CallPreferencesRepository(transactions);
        this.callRecords = new CallRecordRepository(transactions);
        this.presenceRules = new PresenceRulesRepository(transactions);
        this.publications = new PublicationRepository(transactions);
        this.offlineMessages = new OfflineMessageRepository(transactions);
    }

    /**
     * Opens the database, migrates its schema and checks the entities against it.
     *
     * @throws StoreException naming the URL and the reason, if any step fails; nothing is left open then
     */
    public static Store open(StoreSettings settings) {
        ClassLoader storeClassLoader = Store.class.getClassLoader();
        HikariDataSource pool = ConnectionPool.open(settings);
        Durability durability = Durability.AT_COMMIT;
        try {
            Migrations.migrate(settings, storeClassLoader);
            durability = H2Durability.of(settings);
            // a database user who may not write the file (H2's CHECKPOINT needs an admin) fails now, not each REGISTER
            durability.awaitDurable();
            Store store = new Store(settings, pool, durability, entityManagerFactory(pool, settings, storeClassLoader));
            LOG.info("store open: {}", settings);
            return store;
        } catch (RuntimeException e) {
            durability.close();
            pool.close();
            throw e;
        }
    }

    private static EntityManagerFactory entityManagerFactory(HikariDataSource pool, StoreSettings settings,
            ClassLoader classLoader) {
        Map<String, Object> properties = Map.of(
                // the schema belongs to the migrations; Hibernate only checks that the entities fit it
                AvailableSettings.HBM2DDL_AUTO, "validate",
                // Instants go to TIMESTAMP columns as UTC, whatever the JVM's time zone
                AvailableSettings.JDBC_TIME_ZONE, "UTC",
                // Hibernate's own class lookups go to the store jar's loader, not the caller's context loader
                AvailableSettings.CLASSLOADERS, List.of(classLoader));
        try {
            return new HibernatePersistenceProvider().createContainerEntityManagerFactory(
                    new EntityUnit(UNIT_NAME, pool, ENTITIES, classLoader), properties);
        } catch (RuntimeException e) {
            throw new StoreException("cannot map the entities onto the store database " + settings.printableUrl()
                    + ": " + StoreFailures.reason(e), e);
        }
    }

    /**
     * The process-wide store, opened on first use from {@link PlatformSettings#current()}; that first
     * opening also creates the bootstrap accounts if the database has none.
     *
     * @throws StoreException if the database cannot be opened (a later call tries again)
     */
    public static Store shared() {
        Store store = shared;
        if (store == null) {
            synchronized (SHARED_LOCK) {
                if (shared == null) {
                    shared = openShared(PlatformSettings.current());
                }
                store = shared;
            }
        }
        return store;
    }

    private static Store openShared(PlatformSettings platform) {
        Thread thread = Thread.currentThread();
        ClassLoader caller = thread.getContextClassLoader();
        // The pool's and H2's threads inherit the context loader of the thread that opens the store. The
        // shared store outlives every application, so it must not pin the loader of whichever opened it first.
        thread.setContextClassLoader(Store.class.getClassLoader());
        try {
            Store store = open(StoreSettings.from(platform));
            try {
                new AccountBootstrap(store.accounts(), BootstrapSettings.from(platform)).run();
                return store;
            } catch (RuntimeException e) {
                store.close();
                throw e;
            }
        } finally {
            thread.setContextClassLoader(caller);
        }
    }

    /** Closes the process-wide store, if open; the next {@link #shared()} opens it again. */
    public static void closeShared() {
        synchronized (SHARED_LOCK) {
            if (shared != null) {
                shared.close();
                shared = null;
            }
        }
    }

    /** Runs {@code work} in a transaction of its own, committed on return, rolled back on an exception. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return transactions.inTransaction(work);
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public BindingRepository bindings() {
        return bindings;
    }

    /** The subscriptions of every event package (RFC 6665), kept so that they survive a restart. */
    public EventSubscriptionRepository subscriptions() {
        return subscriptions;
    }

    /** The location service: where each AOR is reachable now, for every application that routes calls. */
    public LocationService locations() {
        return locations;
    }

    /** Each account's call preferences (forwarding, do-not-disturb, blocklist), read for every call. */
    public CallPreferencesRepository preferences() {
        return preferences;
    }

    /** The call detail records, opened when a call starts and closed when it ends. */
    public CallRecordRepository callRecords() {
        return callRecords;
    }

    /** Each presentity's presence authorization rules, and their change events (presence-app, console). */
    public PresenceRulesRepository presenceRules() {
        return presenceRules;
    }

    /** The presence publications (RFC 3903), composed into each presentity's document on every read. */
    public PublicationRepository publications() {
        return publications;
    }

    /** Instant messages (RFC 3428) kept for users who were offline, until a phone of theirs takes them. */
    public OfflineMessageRepository offlineMessages() {
        return offlineMessages;
    }

    @Override
    public void close() {
        try {
            entityManagerFactory.close();
        } finally {
            durability.close();
            pool.close();
            LOG.info("store closed: {}", settings.printableUrl());
        }
    }
}
