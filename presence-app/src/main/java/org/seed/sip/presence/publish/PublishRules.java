package org.seed.sip.presence.publish;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import org.seed.sip.common.event.ExpiryPolicy;
import org.seed.sip.common.pidf.InvalidPidfException;
import org.seed.sip.common.pidf.Pidf;
import org.seed.sip.common.pidf.PidfXml;
import org.seed.sip.common.pidf.Presence;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.presence.publish.PublishDecision.Create;
import org.seed.sip.presence.publish.PublishDecision.Modify;
import org.seed.sip.presence.publish.PublishDecision.Refresh;
import org.seed.sip.presence.publish.PublishDecision.Refuse;
import org.seed.sip.presence.publish.PublishDecision.Remove;
import org.seed.sip.store.presence.PublicationRepository;

/**
 * RFC 3903 §6, the ESC's processing of a PUBLISH of presence (RFC 3856 §6.1), as far as it needs no store:
 * the event package (step 2), the duration (step 4), the body (step 5). Whether the entity-tag names a
 * live publication (step 3, 412) is the store's to say.
 */
public final class PublishRules {

    /** RFC 3856 §6.1: presence is the one event package published here. */
    public static final String EVENT_PACKAGE = "presence";

    private final ExpiryPolicy expiry;
    private final int maxBodyBytes;
    private final PidfXml xml;

    public PublishRules(ExpiryPolicy expiry, int maxBodyBytes, PidfXml xml) {
        this.expiry = expiry;
        this.maxBodyBytes = maxBodyBytes;
        this.xml = xml;
    }

    /** RFC 3903 §6 step 2: a PUBLISH without Event, or of another package, is 489 with Allow-Events. */
    public Optional<PublishOutcome> checkEvent(String event) {
        if (event != null && EVENT_PACKAGE.equals(event.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(PublishOutcome.refuse(489, "Bad Event", "Allow-Events", EVENT_PACKAGE));
    }

    public PublishDecision decide(PublishRequest request) {
        Integer requested = request.expires();
        if (requested != null && requested > 0 && requested < expiry.minExpires()) {
            // RFC 3903 §6 step 4
            return new Refuse(PublishOutcome.refuse(423, "Interval Too Brief", "Min-Expires",
                    Integer.toString(expiry.minExpires())));
        }
        int expires = requested == null ? expiry.defaultExpires() : Math.min(requested, expiry.maxExpires());
        String entityTag = request.ifMatch();
        if (entityTag != null && expires == 0) {
            // RFC 3903 §4.5: a removal; a body it carries says nothing any more
            return new Remove(entityTag);
        }
        if (!request.hasBody()) {
            // RFC 3903 §4.3: without a body only a refresh, which names its publication
            return entityTag == null
                    ? new Refuse(PublishOutcome.refuse(400, "Missing PIDF Body"))
                    : new Refresh(entityTag, expires);
        }
        if (entityTag == null && expires == 0) {
            return new Refuse(PublishOutcome.refuse(400, "Removal Without SIP-If-Match"));
        }
        return withBody(request, entityTag, expires);
    }

    /** An initial publication or a modification, if the body is an acceptable PIDF document. */
    private PublishDecision withBody(PublishRequest request, String entityTag, int expires) {
        PublishOutcome refused = refusalOfBody(request);
        if (refused != null) {
            return new Refuse(refused);
        }
        Presence presence;
        try {
            presence = xml.read(request.body());
        } catch (InvalidPidfException e) {
            return new Refuse(PublishOutcome.refuse(400, e.problem().reasonPhrase()));
        }
        if (!isPresentity(presence.entity(), request.presentity())) {
            return new Refuse(PublishOutcome.refuse(400, "PIDF Entity Is Not The Presentity"));
        }
        // stored as re-written: one encoding (UTF-8), tuples first, every element kept
        String document = new String(xml.write(presence), StandardCharsets.UTF_8);
        if (document.length() > PublicationRepository.MAX_BODY_CHARACTERS) {
            return new Refuse(PublishOutcome.refuse(413, "Request Entity Too Large"));
        }
        return entityTag == null ? new Create(expires, document) : new Modify(entityTag, expires, document);
    }

    /** RFC 3903 §6 step 5: the media type (415 with Accept, RFC 3261 §21.4.13) and the size (413). */
    private PublishOutcome refusalOfBody(PublishRequest request) {
        if (!Pidf.CONTENT_TYPE.equals(request.contentType())) {
            return PublishOutcome.refuse(415, "Unsupported Media Type", "Accept", Pidf.CONTENT_TYPE);
        }
        if (request.body().length > maxBodyBytes) {
            return PublishOutcome.refuse(413, "Request Entity Too Large");
        }
        return null;
    }

    /**
     * RFC 3863 §4.1.1: the entity is the presentity's URI; its {@code sip:}, {@code sips:} or {@code pres:}
     * form (RFC 3859) all name the same user, compared as an AOR (host case-insensitive).
     */
    static boolean isPresentity(String entity, AddressOfRecord presentity) {
        String uri = entity.trim();
        if (uri.regionMatches(true, 0, "pres:", 0, 5)) {
            uri = "sip:" + uri.substring(5);
        }
        try {
            return AddressOfRecord.parse(uri).equals(presentity);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
