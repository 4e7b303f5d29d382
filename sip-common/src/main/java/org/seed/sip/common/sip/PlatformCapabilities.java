package org.seed.sip.common.sip;

import java.util.List;

/**
 * What the platform as a whole tells a peer it can do (RFC 3261 §11: Allow, Supported and Accept in
 * answers to OPTIONS). Lists only what is implemented, so a phone never tries a method that would fail.
 */
public final class PlatformCapabilities {

    public static final List<String> ALLOWED_METHODS = List.of("REGISTER", "OPTIONS", "SUBSCRIBE");
    /** RFC 6665 §8.2.2: the event packages a SUBSCRIBE may name (RFC 3680 reg, served by the registrar). */
    public static final List<String> EVENT_PACKAGES = List.of("reg");
    /** RFC 3327 Path is stored and returned by the registrar. */
    public static final List<String> SUPPORTED_EXTENSIONS = List.of("path");
    public static final List<String> ACCEPTED_BODIES = List.of("application/sdp");

    private PlatformCapabilities() {
    }

    public static String allow() {
        return String.join(", ", ALLOWED_METHODS);
    }

    public static String supported() {
        return String.join(", ", SUPPORTED_EXTENSIONS);
    }

    public static String allowEvents() {
        return String.join(", ", EVENT_PACKAGES);
    }

    public static String accept() {
        return String.join(", ", ACCEPTED_BODIES);
    }
}
