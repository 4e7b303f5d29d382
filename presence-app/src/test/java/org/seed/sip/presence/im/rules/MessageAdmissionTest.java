package org.seed.sip.presence.im.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.sip.DomainAdmission;

class MessageAdmissionTest {

    private final MessageAdmission admission = new MessageAdmission(
            new DomainAdmission(Set.of("example.com"), Set.of(5060)), 100);

    private static IncomingMessage from(String senderHost, String targetUser, String targetHost) {
        return new IncomingMessage(true, false, 70, 5, "text/plain", "bob", senderHost, targetUser, targetHost, -1);
    }

    private static MessageAdmission.Refuse refused(int status, String reason) {
        return new MessageAdmission.Refuse(status, reason);
    }

    @Test
    void aSenderOfOurDomainsAuthenticatesAndAForeignOneReachesOurUsers() {
        assertThat(admission.admit(from("example.com", "alice", "example.com"))).isEqualTo(new MessageAdmission.Authenticate());
        assertThat(admission.admit(from("elsewhere.net", "alice", "EXAMPLE.com"))).isEqualTo(new MessageAdmission.Inbound());
    }

    @Test
    void noOpenRelayAndNoMessageLeavesThePlatform() {
        assertThat(admission.admit(from("elsewhere.net", "carol", "third.net"))).isEqualTo(refused(403, "Relaying Denied"));
        assertThat(admission.admit(from("example.com", "carol", "third.net"))).isEqualTo(refused(403, "Domain Not Served"));
        assertThat(admission.admit(new IncomingMessage(true, false, 70, 5, "text/plain", "bob", "elsewhere.net", "alice",
                "example.com", 5070))).as("another port of our host is another server").isEqualTo(refused(403, "Relaying Denied"));
    }

    @Test
    void aTargetWithoutUserIsNotFound() {
        assertThat(admission.admit(from("elsewhere.net", null, "example.com"))).isEqualTo(refused(404, "Not Found"));
    }

    @Test
    void maxForwardsZeroIsTooManyHops() {
        assertThat(admission.admit(new IncomingMessage(true, false, 0, 5, "text/plain", "bob", "example.com", "alice",
                "example.com", -1))).isEqualTo(refused(483, "Too Many Hops"));
    }

    @Test
    void aBodyNeedsAContentTypeAndAtMostMaxBodyBytes() {
        assertThat(admission.admit(new IncomingMessage(true, false, 70, 5, null, "bob", "example.com", "alice",
                "example.com", -1))).isEqualTo(refused(400, "Missing Content-Type"));
        assertThat(admission.admit(new IncomingMessage(true, false, 70, 101, "text/plain", "bob", "example.com", "alice",
                "example.com", -1))).isEqualTo(refused(413, "Request Entity Too Large"));
        assertThat(admission.admit(new IncomingMessage(true, false, 70, 100, "message/cpim", "bob", "example.com", "alice",
                "example.com", -1))).isEqualTo(new MessageAdmission.Authenticate());
        assertThat(admission.admit(new IncomingMessage(true, false, 70, 0, null, "bob", "example.com", "alice",
                "example.com", -1))).as("no body, no type needed").isEqualTo(new MessageAdmission.Authenticate());
    }

    @Test
    void aMessageClaimingADialogIsNotServed() {
        assertThat(admission.admit(new IncomingMessage(true, true, 70, 5, "text/plain", "bob", "example.com", "alice",
                "example.com", -1))).isEqualTo(refused(481, "Call/Transaction Does Not Exist"));
        assertThat(admission.admit(new IncomingMessage(false, true, 70, 5, "text/plain", "bob", "example.com", "alice",
                "example.com", -1))).isEqualTo(refused(405, "Method Not Allowed"));
    }

    @Test
    void aSenderOfOurDomainsWithoutUserPartIsRefused() {
        assertThat(admission.admit(new IncomingMessage(true, false, 70, 5, "text/plain", null, "example.com", "alice",
                "example.com", -1))).isEqualTo(refused(403, "Sender Unknown"));
    }

    @Test
    void anotherSchemeThanSipIsUnsupported() {
        assertThat(admission.admit(from("example.com", null, null))).isEqualTo(refused(416, "Unsupported URI Scheme"));
    }
}
