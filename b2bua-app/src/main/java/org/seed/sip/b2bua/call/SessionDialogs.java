package org.seed.sip.b2bua.call;

import java.util.Optional;

import javax.servlet.sip.SipSession;
import javax.sip.Dialog;

import org.mobicents.servlet.sip.core.session.MobicentsSipSession;
import org.seed.sip.b2bua.rules.DialogId;
import org.seed.sip.b2bua.rules.Replacement;

/**
 * The SIP dialog behind a session of the container. JSR 289 gives no session's tags ({@code getLocalParty()}
 * comes without them in Restcomm 3.2.0-37), which a Replaces header names; the JAIN-SIP dialog that made the
 * session has them, through Restcomm's own session interface (docs/design-notes.md, "Call transfer").
 */
final class SessionDialogs {

    private SessionDialogs() {
    }

    /** The dialog's id with the platform's tag as the local one; empty before the dialog has both tags. */
    static Optional<DialogId> idOf(SipSession session) {
        Dialog dialog = dialogOf(session);
        if (dialog == null || dialog.getLocalTag() == null || dialog.getRemoteTag() == null) {
            return Optional.empty();
        }
        return Optional.of(new DialogId(dialog.getCallId().getCallId(), dialog.getLocalTag(), dialog.getRemoteTag()));
    }

    /** What RFC 3891 §3 asks of the dialog: early (and whose), confirmed, or over. */
    static Replacement.Found stateOf(SipSession session) {
        if (!session.isValid()) {
            return Replacement.Found.TERMINATED;
        }
        return switch (session.getState()) {
            case CONFIRMED -> Replacement.Found.CONFIRMED;
            case TERMINATED -> Replacement.Found.TERMINATED;
            case EARLY, INITIAL -> {
                Dialog dialog = dialogOf(session);
                yield dialog != null && dialog.isServer() ? Replacement.Found.EARLY_AS_SERVER
                        : Replacement.Found.EARLY_AS_CLIENT;
            }
        };
    }

    private static Dialog dialogOf(SipSession session) {
        return session instanceof MobicentsSipSession container && session.isValid()
                ? container.getSessionCreatingDialog() : null;
    }
}
