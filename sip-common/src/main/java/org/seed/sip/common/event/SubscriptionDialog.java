package org.seed.sip.common.event;

import java.util.List;
import java.util.Objects;

/**
 * The dialog a SUBSCRIBE made, as the notifier (its UAS) must remember it to send NOTIFYs in it (RFC 3261
 * §12.1.1), also after a restart when the container has forgotten it.
 *
 * @param callId       the dialog's Call-ID
 * @param localTag     the notifier's tag (the To tag of the 200 OK to the SUBSCRIBE)
 * @param remoteTag    the subscriber's tag (the SUBSCRIBE's From tag)
 * @param localUri     the SUBSCRIBE's To URI: the From of every NOTIFY
 * @param remoteUri    the SUBSCRIBE's From URI: the To of every NOTIFY
 * @param remoteTarget the SUBSCRIBE's Contact URI: the Request-URI of every NOTIFY (RFC 6665 §4.2.1.2 refreshes
 *                     may change it)
 * @param routeSet     the SUBSCRIBE's Record-Route values, in order: the NOTIFYs' Route headers
 */
public record SubscriptionDialog(String callId, String localTag, String remoteTag, String localUri,
        String remoteUri, String remoteTarget, List<String> routeSet) {

    public SubscriptionDialog {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(localTag, "localTag");
        Objects.requireNonNull(remoteTag, "remoteTag");
        Objects.requireNonNull(localUri, "localUri");
        Objects.requireNonNull(remoteUri, "remoteUri");
        Objects.requireNonNull(remoteTarget, "remoteTarget");
        routeSet = List.copyOf(routeSet);
    }
}
