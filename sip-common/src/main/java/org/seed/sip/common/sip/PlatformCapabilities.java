package org.seed.sip.common.sip;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    private final Map<String, Capabilities> byApplication = new TreeMap<>();
    /** The union, computed when an application starts or stops rather than for every request that reads it. */
    private volatile Capabilities union = new Capabilities(List.of(), List.of(), List.of(), List.of());

    /** A registry of its own (tests); applications use {@link #shared()}. */
    public PlatformCapabilities() {
    }

    /** The registry of this class loader's applications. */
    public static PlatformCapabilities shared() {
        return SHARED;
    }

    /** {@code application} serves {@code capabilities} from now on (replacing what it contributed before). */
    public synchronized void contribute(String application, Capabilities capabilities) {
        byApplication.put(application, capabilities);
        union = union();
    }

    /** {@code application} stopped: what it alone served is no longer advertised. */
    public synchronized void withdraw(String application) {
        byApplication.remove(application);
        union = union();
    }

    public List<String> methods() {
        return union.methods();
    }

    public List<String> eventPackages() {
        return union.eventPackages();
    }

    public List<String> extensions() {
        return union.extensions();
    }

    public List<String> acceptedBodies() {
        return union.acceptedBodies();
    }

    /** Header value of a list: comma separated, empty when nothing is listed (RFC 3261 §20.1: accepts none). */
    public static String headerValue(Collection<String> values) {
        return String.join(", ", values);
    }

    private Capabilities union() {
        return new Capabilities(union(Capabilities::methods), union(Capabilities::eventPackages),
                union(Capabilities::extensions), union(Capabilities::acceptedBodies));
    }

    /** In the order of the applications' names, then of each application's list, each value once. */
    private List<String> union(Function<Capabilities, List<String>> part) {
        Set<String> values = new LinkedHashSet<>();
        byApplication.values().forEach(capabilities -> values.addAll(part.apply(capabilities)));
        return List.copyOf(values);
    }
}
