package org.seed.sip.common.sip;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What the platform as a whole tells a peer it can do (RFC 3261 §11: Allow, Supported and Accept in
 * answers to OPTIONS, Allow in 405/501, Accept in 415, Allow-Events in 489): the union of what the
 * applications deployed right now contribute when they start and withdraw when they stop.
 * <p>
 * One registry per class loader: in the EAR this class lives in the shared {@code lib/}, so every
 * application contributes to the one the edge reads. A WAR deployed alone carries its own copy, and the
 * server's fallback then sees only itself (docs/design-notes.md, "The edge: nothing relayed").
 */
public final class PlatformCapabilities {

    private static final PlatformCapabilities SHARED = new PlatformCapabilities();

    private final Map<String, Capabilities> byApplication = new ConcurrentHashMap<>();

    /** A registry of its own (tests); applications use {@link #shared()}. */
    public PlatformCapabilities() {
    }

    /** The registry of this class loader's applications. */
    public static PlatformCapabilities shared() {
        return SHARED;
    }

    /** {@code application} serves {@code capabilities} from now on (replacing what it contributed before). */
    public void contribute(String application, Capabilities capabilities) {
        byApplication.put(application, capabilities);
    }

    /** {@code application} stopped: what it alone served is no longer advertised. */
    public void withdraw(String application) {
        byApplication.remove(application);
    }

    public List<String> methods() {
        return union(Capabilities::methods);
    }

    public List<String> eventPackages() {
        return union(Capabilities::eventPackages);
    }

    public List<String> extensions() {
        return union(Capabilities::extensions);
    }

    public List<String> acceptedBodies() {
        return union(Capabilities::acceptedBodies);
    }

    /** Header value of a list: comma separated, empty when nothing is listed (RFC 3261 §20.1: accepts none). */
    public static String headerValue(Collection<String> values) {
        return String.join(", ", values);
    }

    /** In the order of the applications' names, then of each application's list, each value once. */
    private List<String> union(Function<Capabilities, List<String>> part) {
        Set<String> values = new LinkedHashSet<>();
        new TreeMap<>(byApplication).values().forEach(capabilities -> values.addAll(part.apply(capabilities)));
        return List.copyOf(values);
    }
}
