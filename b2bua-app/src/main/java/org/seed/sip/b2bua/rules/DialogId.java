package org.seed.sip.b2bua.rules;

import java.util.Objects;

/**
 * A dialog as one of its ends sees it (RFC 3261 §12): the Call-ID, the tag that end chose and the tag of the
 * other end. A dialog of the platform is named by the platform's own tag as {@code localTag}.
 */
public record DialogId(String callId, String localTag, String remoteTag) {

    public DialogId {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
    }
}
