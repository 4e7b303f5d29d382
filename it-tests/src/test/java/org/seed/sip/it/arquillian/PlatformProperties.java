package org.seed.sip.it.arquillian;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.asset.StringAsset;

/**
 * Platform configuration a test class brings with its deployment (short expiries, a low throttle...): a
 * properties file at the archive's root, passed to the platform as system properties; and, when the test
 * composes applications its own way, the application router file it runs with.
 */
public final class PlatformProperties {

    static final String ENTRY = "it-platform.properties";
    static final String ROUTER_ENTRY = "it-router.properties";

    private PlatformProperties() {
    }

    /** {@code archive} with {@code properties} to start its platform with. */
    public static <T extends Archive<T>> T with(T archive, Map<String, String> properties) {
        StringBuilder text = new StringBuilder();
        properties.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return archive.add(new StringAsset(text.toString()), ENTRY);
    }

    /**
     * {@code archive} with its own application router file (JSR 289 Default Application Router syntax, as
     * conf/dar.properties), one line per method: the platform then routes with this table only.
     */
    public static <T extends Archive<T>> T withRouter(T archive, String... routerLines) {
        return archive.add(new StringAsset(String.join("\n", routerLines) + "\n"), ROUTER_ENTRY);
    }

    /** The router file {@link #withRouter} put in {@code archive}, if any. */
    static Optional<Asset> routerOf(Archive<?> archive) {
        return Optional.ofNullable(archive.get(ROUTER_ENTRY)).map(Node::getAsset);
    }

    static Map<String, String> of(Archive<?> archive) {
        Node node = archive.get(ENTRY);
        Map<String, String> properties = new HashMap<>();
        if (node == null) {
            return properties;
        }
        Properties loaded = new Properties();
        try (InputStream in = node.getAsset().openStream()) {
            loaded.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        loaded.stringPropertyNames().forEach(key -> properties.put(key, loaded.getProperty(key)));
        return properties;
    }
}
