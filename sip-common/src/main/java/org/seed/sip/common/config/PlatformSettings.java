package org.seed.sip.common.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The platform's configuration: the documented defaults of {@code conf/platform.properties} (built into
 * this jar), overlaid by an operator's file, then environment variables, then system properties.
 * <p>
 * The server and every application read the same sources through {@link #current()}, so all of them see
 * the same values. Applications turn it into small typed settings objects of their own instead of reading
 * keys all over their code.
 */
public final class PlatformSettings {

    /** System property naming the operator's configuration file, when the server did not install one. */
    public static final String CONFIG_FILE_PROPERTY = "sip.platform.config";
    /** System property naming the installation directory; {@code ${platform.home}} in values. */
    public static final String HOME_PROPERTY = "platform.home";

    private static final String NODE_ID_KEY = "platform.node.id";
    private static final String DEFAULTS_RESOURCE = "platform.properties";
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

    private static volatile PlatformSettings current;

    private final Map<String, String> values;

    private PlatformSettings(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Loads the settings: defaults, then {@code configFile} (may be null), then the environment and system
     * properties.
     *
     * @throws ConfigurationException if the file cannot be read or a value refers to an unknown key
     */
    public static PlatformSettings load(Path configFile) {
        return load(configFile, System.getenv(), System.getProperties());
    }

    static PlatformSettings load(Path configFile, Map<String, String> environment, Properties systemProperties) {
        Properties merged = defaults();
        if (configFile != null) {
            merged.putAll(read(configFile));
        }
        Map<String, String> raw = new HashMap<>();
        for (String key : merged.stringPropertyNames()) {
            raw.put(key, merged.getProperty(key).trim());
        }
        raw.putIfAbsent(HOME_PROPERTY, Paths.get("").toAbsolutePath().toString());
        for (String key : new ArrayList<>(raw.keySet())) {
            String fromEnvironment = environment.get(environmentName(key));
            if (fromEnvironment != null) {
                raw.put(key, fromEnvironment.trim());
            }
            String fromSystem = systemProperties.getProperty(key);
            if (fromSystem != null) {
                raw.put(key, fromSystem.trim());
            }
        }
        Map<String, String> resolved = new HashMap<>();
        for (String key : raw.keySet()) {
            resolved.put(key, resolve(key, raw, new ArrayList<>()));
        }
        return new PlatformSettings(resolved);
    }

    /**
     * The settings of this process: the built-in defaults, the file named by {@value #CONFIG_FILE_PROPERTY}
     * (the server sets it from {@code --config}), the environment and system properties. Loaded once.
     */
    public static PlatformSettings current() {
        PlatformSettings settings = current;
        if (settings == null) {
            synchronized (PlatformSettings.class) {
                if (current == null) {
                    String file = System.getProperty(CONFIG_FILE_PROPERTY);
                    current = load(file == null || file.isBlank() ? null : Paths.get(file));
                }
                settings = current;
            }
        }
        return settings;
    }

    /**
     * Replaces what {@link #current()} returns in this class loader, for tools and tests that build their
     * settings themselves; null forgets them, and the next {@link #current()} loads again.
     */
    public static void install(PlatformSettings settings) {
        current = settings;
    }

    /** {@code sip.udp.port} is read from {@code SIP_UDP_PORT}. */
    public static String environmentName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    public String string(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new ConfigurationException("unknown configuration key '" + key + "'");
        }
        return value;
    }

    public int integer(String key) {
        String value = string(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ConfigurationException(key + " must be a whole number, not '" + value + "'");
        }
    }

    /** A comma separated value as a list, blanks dropped. */
    public List<String> list(String key) {
        String value = string(key);
        List<String> items = new ArrayList<>();
        for (String item : value.split(",")) {
            if (!item.isBlank()) {
                items.add(item.trim());
            }
        }
        return items;
    }

    public Path path(String key) {
        return Paths.get(string(key)).toAbsolutePath().normalize();
    }

    /**
     * {@code platform.node.id}: the name of this node among those sharing the store, or the host name when
     * the key is empty (the loopback name if even that cannot be found).
     */
    public String nodeId() {
        String configured = string(NODE_ID_KEY);
        if (!configured.isEmpty()) {
            return configured;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return InetAddress.getLoopbackAddress().getHostName();
        }
    }

    /** Every key with its effective value, for printing at start-up. */
    public Map<String, String> asMap() {
        return values;
    }

    private static Properties defaults() {
        Properties defaults = new Properties();
        try (InputStream in = PlatformSettings.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new ConfigurationException("built-in defaults " + DEFAULTS_RESOURCE + " missing from the class path");
            }
            defaults.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ConfigurationException("cannot read built-in defaults: " + e.getMessage());
        }
        return defaults;
    }

    private static Properties read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ConfigurationException("cannot read configuration file " + file + ": " + e.getMessage());
        }
        return properties;
    }

    private static String resolve(String key, Map<String, String> raw, List<String> resolving) {
        if (resolving.contains(key)) {
            throw new ConfigurationException("configuration keys refer to each other in a loop: " + resolving);
        }
        String value = raw.get(key);
        if (value == null) {
            throw new ConfigurationException("${" + key + "} refers to an unknown configuration key (from "
                    + (resolving.isEmpty() ? "?" : resolving.get(resolving.size() - 1)) + ")");
        }
        resolving.add(key);
        Matcher matcher = REFERENCE.matcher(value);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(resolve(matcher.group(1), raw, resolving)));
        }
        matcher.appendTail(out);
        resolving.remove(resolving.size() - 1);
        return out.toString();
    }

    @Override
    public String toString() {
        return "PlatformSettings" + Arrays.toString(values.keySet().toArray());
    }
}
