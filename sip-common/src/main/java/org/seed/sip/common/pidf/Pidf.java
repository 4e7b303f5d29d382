package org.seed.sip.common.pidf;

/** The names of the presence formats. */
public final class Pidf {

    /** RFC 3863 §4.3. */
    public static final String CONTENT_TYPE = "application/pidf+xml";
    /** RFC 3863 §4.1. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:pidf";
    /** RFC 4479 §4.2. */
    public static final String DATA_MODEL = "urn:ietf:params:xml:ns:pidf:data-model";
    /** RFC 4480 §6.2. */
    public static final String RPID = "urn:ietf:params:xml:ns:pidf:rpid";

    private Pidf() {
    }
}
