package org.seed.sip.presence.im.rules;

import org.seed.sip.common.sip.DomainAdmission;

/**
 * Whether a MESSAGE (RFC 3428) is taken for delivery, decided before anything is looked up: the relay rules
 * are the B2BUA's for calls ({@link DomainAdmission}), the rest is RFC 3428's and RFC 3261's.
 */
public final class MessageAdmission {

    /** What becomes of a MESSAGE. */
    public sealed interface Decision permits Refuse, Authenticate, Inbound {
    }

    /** Answered at once with {@code status}. */
    public record Refuse(int status, String reason) implements Decision {
    }

    /** The sender claims one of our domains: its digest credentials first (407), then in its own name only. */
    public record Authenticate() implements Decision {
    }

    /** A foreign sender writing to a user of ours: taken as any domain takes mail for its users. */
    public record Inbound() implements Decision {
    }

    private final DomainAdmission domains;
    private final int maxBody;

    public MessageAdmission(DomainAdmission domains, int maxBody) {
        this.domains = domains;
        this.maxBody = maxBody;
    }

    public Decision admit(IncomingMessage message) {
        if (message.toTag() || !message.initial()) {
            // RFC 3428 §4: a MESSAGE may be sent in a dialog, but this application has none it takes them in
            // (a SUBSCRIBE dialog is for NOTIFYs), and a To tag of no dialog is RFC 3261 §12.2.2's 481
            return message.initial() ? new Refuse(481, "Call/Transaction Does Not Exist")
                    : new Refuse(405, "Method Not Allowed");
        }
        if (message.maxForwards() <= 0) {
            return new Refuse(483, "Too Many Hops");
        }
        if (message.bodyLength() > 0 && (message.contentType() == null || message.contentType().isBlank())) {
            // RFC 3261 §7.4.1: a body must say its type; a relay cannot pass on what nobody could read
            return new Refuse(400, "Missing Content-Type");
        }
        if (message.bodyLength() > maxBody) {
            // RFC 3261 §21.4.11; the limit is im.max.body (RFC 3428 §8 bounds what goes over UDP)
            return new Refuse(413, "Request Entity Too Large");
        }
        if (message.targetHost() == null || message.senderHost() == null) {
            return new Refuse(416, "Unsupported URI Scheme");
        }
        DomainAdmission.Verdict verdict = domains.admit(message.senderHost(), message.targetHost(), message.targetPort());
        if (verdict == DomainAdmission.Verdict.REFUSE) {
            return new Refuse(403, "Relaying Denied");
        }
        if (!domains.serves(message.targetHost(), message.targetPort())) {
            // instant messages are delivered to our users only: none leaves the platform
            return new Refuse(403, "Domain Not Served");
        }
        if (message.targetUser() == null) {
            return new Refuse(404, "Not Found");
        }
        if (verdict == DomainAdmission.Verdict.AUTHENTICATE_SENDER) {
            return message.senderUser() == null ? new Refuse(403, "Sender Unknown") : new Authenticate();
        }
        return new Inbound();
    }
}
