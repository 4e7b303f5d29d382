package org.seed.sip.b2bua.rules;

/**
 * Whether a dialog named by a Replaces header may be replaced (RFC 3891 §3), from what the platform knows of
 * it. The platform's dialogs are all made by INVITE, so §3's 481 for a dialog "not created with an INVITE"
 * never applies; authorization (the initiator is an authenticated user of ours) is checked before.
 */
public final class Replacement {

    /** The state of the dialog the header names, as the platform holds it. */
    public enum Found {
        /** No dialog of the platform has that Call-ID and those tags. */
        NONE,
        /** Early, and the platform is its UAS: a caller still ringing. */
        EARLY_AS_SERVER,
        /** Early, and the platform is its UAC: a leg still ringing. */
        EARLY_AS_CLIENT,
        CONFIRMED,
        TERMINATED
    }

    /** The answer to the request, or 0 when the dialog is to be replaced. */
    public static int refusal(Found found, boolean earlyOnly) {
        return switch (found) {
            // §3: no match, 481
            case NONE -> 481;
            // §3: "an early dialog that was not initiated by this UA": 481, the dialog unchanged
            case EARLY_AS_SERVER -> 481;
            // §3 lets the UAC of an early dialog replace it (cancelling its own INVITE); the platform's
            // early legs are one branch of a forked call, which a single new dialog cannot take the place
            // of (§3's own note on retargeting): refused as for the UAS case, the call unchanged
            case EARLY_AS_CLIENT -> 481;
            // §3: a confirmed dialog with early-only, 486
            case CONFIRMED -> earlyOnly ? 486 : 0;
            // §3: a dialog already terminated, 603
            case TERMINATED -> 603;
        };
    }

    private Replacement() {
    }
}
