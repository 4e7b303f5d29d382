package org.seed.sip.store.jpa;

import java.net.URL;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import javax.persistence.SharedCacheMode;
import javax.persistence.ValidationMode;
import javax.persistence.spi.ClassTransformer;
import javax.persistence.spi.PersistenceUnitInfo;
import javax.persistence.spi.PersistenceUnitTransactionType;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * The persistence unit, described in code instead of a {@code persistence.xml}.
 * <p>
 * The store jar lives in the EAR's shared {@code lib/}, where neither scanning for entities nor the thread
 * context class loader can be trusted: the entity classes are listed explicitly and the class loader that
 * holds them is named, so the unit is the same whichever application's thread opens it.
 */
public final class EntityUnit implements PersistenceUnitInfo {

    private final String name;
    private final DataSource dataSource;
    private final List<String> entityClassNames;
    private final ClassLoader classLoader;

    public EntityUnit(String name, DataSource dataSource, List<Class<?>> entityClasses, ClassLoader classLoader) {
        this.name = name;
        this.dataSource = dataSource;
        this.entityClassNames = entityClasses.stream().map(Class::getName).collect(Collectors.toUnmodifiableList());
        this.classLoader = classLoader;
    }

    @Override
    public String getPersistenceUnitName() {
        return name;
    }

    @Override
    public String getPersistenceProviderClassName() {
        return HibernatePersistenceProvider.class.getName();
    }

    @Override
    public PersistenceUnitTransactionType getTransactionType() {
        return PersistenceUnitTransactionType.RESOURCE_LOCAL;
    }

    @Override
    public DataSource getJtaDataSource() {
        return null;
    }

    @Override
    public DataSource getNonJtaDataSource() {
        return dataSource;
    }

    @Override
    public List<String> getMappingFileNames() {
        return List.of();
    }

    @Override
    public List<URL> getJarFileUrls() {
        return List.of();
    }

    /** None: with no root there is nothing for Hibernate to scan. */
    @Override
    public URL getPersistenceUnitRootUrl() {
        return null;
    }

    @Override
    public List<String> getManagedClassNames() {
        return entityClassNames;
    }

    @Override
    public boolean excludeUnlistedClasses() {
        return true;
    }

    @Override
    public SharedCacheMode getSharedCacheMode() {
        return SharedCacheMode.NONE;
    }

    /** No Bean Validation provider is deployed; the schema's constraints are the validation. */
    @Override
    public ValidationMode getValidationMode() {
        return ValidationMode.NONE;
    }

    @Override
    public Properties getProperties() {
        return new Properties();
    }

    @Override
    public String getPersistenceXMLSchemaVersion() {
        return "2.2";
    }

    @Override
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    /** Entities are not bytecode-enhanced, so transformers are never needed. */
    @Override
    public void addTransformer(ClassTransformer transformer) {
    }

    @Override
    public ClassLoader getNewTempClassLoader() {
        return classLoader;
    }
}
