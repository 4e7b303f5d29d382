package org.seed.sip.common.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;

class DomainAdmissionTest {

    private final DomainAdmission admission = new DomainAdmission(Set.of("Example.org", "127.0.0.1"), Set.of(5060, 5061));

    @Test
    void aCallerOfOurDomainsProvesWhoItIs() {
        assertThat(admission.admit("example.ORG", "elsewhere.net", -1)).isEqualTo(DomainAdmission.Verdict.AUTHENTICATE_SENDER);
        assertThat(admission.admit("127.0.0.1", "127.0.0.1", -1)).isEqualTo(DomainAdmission.Verdict.AUTHENTICATE_SENDER);
    }

    @Test
    void aForeignCallerReachesOurUsersButNobodyElse() {
        assertThat(admission.admit("elsewhere.net", "example.org", -1)).isEqualTo(DomainAdmission.Verdict.INBOUND);
        assertThat(admission.admit("elsewhere.net", "third.net", -1)).isEqualTo(DomainAdmission.Verdict.REFUSE);
        assertThat(admission.admit(null, "third.net", -1)).isEqualTo(DomainAdmission.Verdict.REFUSE);
    }

    @Test
    void anotherPortOfOurHostIsAnotherServer() {
        assertThat(admission.admit("elsewhere.net", "127.0.0.1", 5060)).isEqualTo(DomainAdmission.Verdict.INBOUND);
        assertThat(admission.admit("elsewhere.net", "127.0.0.1", 9)).isEqualTo(DomainAdmission.Verdict.REFUSE);
        assertThat(admission.serves("127.0.0.1", 9)).isFalse();
        assertThat(admission.serves("127.0.0.1", -1)).isTrue();
    }

    @Test
    void credentialsMustBeTheCallersOwn() {
        AddressOfRecord alice = new AddressOfRecord("alice", "example.org");
        assertThat(DomainAdmission.sendsAsItself(alice, "alice", "EXAMPLE.org")).isTrue();
        assertThat(DomainAdmission.sendsAsItself(alice, "bob", "example.org")).isFalse();
        assertThat(DomainAdmission.sendsAsItself(alice, "alice", "other.org")).isFalse();
    }
}
