package org.seed.sip.common.sip;

import java.util.List;

/**
 * What one application serves, as a peer learns it from the platform's answers (RFC 3261 §20.5 Allow,
 * §20.37 Supported, §20.1 Accept; RFC 6665 §8.2.2 Allow-Events). An application lists only what it
 * implements: a stub that answers 501 contributes nothing.
 */
public record Capabilities(List<String> methods, List<String> eventPackages, List<String> extensions,
        List<String> acceptedBodies) {

    public Capabilities {
        methods = List.copyOf(methods);
        eventPackages = List.copyOf(eventPackages);
        extensions = List.copyOf(extensions);
        acceptedBodies = List.copyOf(acceptedBodies);
    }

    public static Capabilities methods(String... methods) {
        return new Capabilities(List.of(methods), List.of(), List.of(), List.of());
    }

    public Capabilities withEventPackages(String... packages) {
        return new Capabilities(methods, List.of(packages), extensions, acceptedBodies);
    }

    public Capabilities withExtensions(String... optionTags) {
        return new Capabilities(methods, eventPackages, List.of(optionTags), acceptedBodies);
    }

    public Capabilities withAcceptedBodies(String... mediaTypes) {
        return new Capabilities(methods, eventPackages, extensions, List.of(mediaTypes));
    }
}
