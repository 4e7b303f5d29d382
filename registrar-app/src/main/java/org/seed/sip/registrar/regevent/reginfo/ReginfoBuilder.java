package org.seed.sip.registrar.regevent.reginfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import org.seed.sip.registrar.regevent.ContactChange;

/**
 * Builds the reginfo documents of one AOR (RFC 3680 §5): the full state a subscription starts with, and the
 * partial state that tells it what a REGISTER or an expiry changed.
 */
public final class ReginfoBuilder {

    private ReginfoBuilder() {
    }

    /**
     * Every contact bound now; an AOR without contacts is in state init (RFC 3680 §5.1). Each contact is
     * "registered": a REGISTER bound it, however long ago.
     */
    public static Reginfo full(long version, String aor, List<BoundContact> contacts) {
        List<Contact> listed = contacts.stream()
                .map(contact -> new Contact(contact.uri(), contactId(aor, contact.uri()), ContactState.ACTIVE,
                        ContactEvent.REGISTERED, contact.expiresIn(), contact.q(), contact.callId(), contact.cseq()))
                .toList();
        RegistrationState state = listed.isEmpty() ? RegistrationState.INIT : RegistrationState.ACTIVE;
        return document(version, DocumentState.FULL, new Registration(aor, registrationId(aor), state, listed));
    }

    /**
     * Only the changed contacts, each with the event that changed it (RFC 3680 §5.1: a partial document).
     *
     * @param stillActive whether the AOR has contacts left after the changes: if not, the registration is
     *                    terminated
     */
    public static Reginfo partial(long version, String aor, List<ContactChange> changes, boolean stillActive) {
        List<Contact> listed = changes.stream().map(change -> contact(aor, change)).toList();
        RegistrationState state = stillActive ? RegistrationState.ACTIVE : RegistrationState.TERMINATED;
        return document(version, DocumentState.PARTIAL, new Registration(aor, registrationId(aor), state, listed));
    }

    private static Reginfo document(long version, DocumentState state, Registration registration) {
        return new Reginfo(version, state, List.of(registration));
    }

    private static Contact contact(String aor, ContactChange change) {
        boolean active = change.event().leavesContactActive();
        return new Contact(change.contactUri(), contactId(aor, change.contactUri()),
                active ? ContactState.ACTIVE : ContactState.TERMINATED, event(change.event()),
                active ? change.expiresIn() : null, change.q(), change.callId(),
                change.callId() == null ? null : change.cseq());
    }

    private static ContactEvent event(ContactChange.Event event) {
        return switch (event) {
            case REGISTERED -> ContactEvent.REGISTERED;
            case REFRESHED -> ContactEvent.REFRESHED;
            case EXPIRED -> ContactEvent.EXPIRED;
            case UNREGISTERED -> ContactEvent.UNREGISTERED;
            case DEACTIVATED -> ContactEvent.DEACTIVATED;
            case REJECTED -> ContactEvent.REJECTED;
        };
    }

    private static String registrationId(String aor) {
        return "r" + digest(aor);
    }

    private static String contactId(String aor, String contactUri) {
        return "c" + digest(aor + " " + contactUri);
    }

    /** Derived, not stored: the same binding keeps its id across documents and restarts. */
    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
