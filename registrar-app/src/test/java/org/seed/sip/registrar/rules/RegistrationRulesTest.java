package org.seed.sip.registrar.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.sip.AddressOfRecord;

class RegistrationRulesTest {

    private static final RegistrationPolicy POLICY = new RegistrationPolicy(3600, 60, 7200);
    private final RegistrationRules rules = new RegistrationRules(POLICY);

    @Test
    void contactParameterWinsOverExpiresHeader() {
        RegistrationDecision decision = rules.decide(register(300, contact(120)));

        assertThat(apply(decision).changes()).singleElement().extracting(RegistrationDecision.BindingChange::expires)
                .isEqualTo(120);
    }

    @Test
    void expiresHeaderAppliesToContactsWithoutParameter() {
        assertThat(apply(rules.decide(register(300, contact(null)))).changes().get(0).expires()).isEqualTo(300);
    }

    @Test
    void defaultExpiryWhenNoneRequested() {
        assertThat(apply(rules.decide(register(null, contact(null)))).changes().get(0).expires()).isEqualTo(3600);
    }

    @Test
    void tooShortExpiryIsRefusedWith423AndMinExpires() {
        RegistrationDecision decision = rules.decide(register(null, contact(30)));

        assertThat(decision).isInstanceOfSatisfying(RegistrationDecision.Reject.class, reject -> {
            assertThat(reject.status()).isEqualTo(423);
            assertThat(reject.headers()).containsEntry("Min-Expires", "60");
        });
    }

    @Test
    void tooLongExpiryIsClampedToTheMaximum() {
        assertThat(apply(rules.decide(register(null, contact(86400)))).changes().get(0).expires()).isEqualTo(7200);
    }

    @Test
    void zeroExpiryRemovesTheBinding() {
        assertThat(apply(rules.decide(register(0, contact(null)))).changes().get(0).isRemoval()).isTrue();
    }

    @Test
    void wildcardWithExpiresZeroRemovesAll() {
        assertThat(apply(rules.decide(wildcard(0, List.of()))).removeAll()).isTrue();
    }

    @Test
    void wildcardWithNonZeroExpiryIsABadRequest() {
        assertThat(rules.decide(wildcard(3600, List.of()))).isInstanceOfSatisfying(RegistrationDecision.Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(400));
    }

    @Test
    void wildcardWithoutExpiresIsABadRequest() {
        assertThat(rules.decide(wildcard(null, List.of()))).isInstanceOfSatisfying(RegistrationDecision.Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(400));
    }

    @Test
    void wildcardWithOtherContactsIsABadRequest() {
        assertThat(rules.decide(wildcard(0, List.of(contact(null))))).isInstanceOfSatisfying(
                RegistrationDecision.Reject.class, reject -> assertThat(reject.status()).isEqualTo(400));
    }

    @Test
    void registerWithoutContactIsAQuery() {
        RegisterRequest query = request(null, false, List.of());

        assertThat(query.isQuery()).isTrue();
        assertThat(apply(rules.decide(query)).changes()).isEmpty();
    }

    private static RegistrationDecision.Apply apply(RegistrationDecision decision) {
        assertThat(decision).isInstanceOf(RegistrationDecision.Apply.class);
        return (RegistrationDecision.Apply) decision;
    }

    private static RequestedContact contact(Integer expires) {
        return new RequestedContact("sip:alice@127.0.0.1:5999", expires, null, null, null);
    }

    private static RegisterRequest register(Integer expiresHeader, RequestedContact contact) {
        return request(expiresHeader, false, List.of(contact));
    }

    private static RegisterRequest wildcard(Integer expiresHeader, List<RequestedContact> others) {
        return request(expiresHeader, true, others);
    }

    private static RegisterRequest request(Integer expiresHeader, boolean wildcard, List<RequestedContact> contacts) {
        return new RegisterRequest(new AddressOfRecord("alice", "127.0.0.1"), "call-1@phone", 1, expiresHeader,
                wildcard, contacts, List.of(), new SourceAddress("127.0.0.1", 5999, "UDP"), "test");
    }
}
