package org.seed.sip.registrar.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.sip.AddressOfRecord;

class RegistrationRulesTest {

    private static final RegistrationPolicy POLICY = new RegistrationPolicy(3600, 60, 7200);
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final String CONTACT = "sip:alice@127.0.0.1:5999";
    private final RegistrationRules rules = new RegistrationRules(POLICY);

    @Test
    void contactParameterWinsOverExpiresHeader() {
        RegistrationDecision decision = decide(register(300, contact(120)));

        assertThat(apply(decision).changes()).singleElement().extracting(RegistrationDecision.BindingChange::expires)
                .isEqualTo(120);
    }

    @Test
    void expiresHeaderAppliesToContactsWithoutParameter() {
        assertThat(apply(decide(register(300, contact(null)))).changes().get(0).expires()).isEqualTo(300);
    }

    @Test
    void defaultExpiryWhenNoneRequested() {
        assertThat(apply(decide(register(null, contact(null)))).changes().get(0).expires()).isEqualTo(3600);
    }

    @Test
    void tooShortExpiryIsRefusedWith423AndMinExpires() {
        RegistrationDecision decision = decide(register(null, contact(30)));

        assertThat(decision).isInstanceOfSatisfying(RegistrationDecision.Reject.class, reject -> {
            assertThat(reject.status()).isEqualTo(423);
            assertThat(reject.headers()).containsEntry("Min-Expires", "60");
        });
    }

    @Test
    void tooLongExpiryIsClampedToTheMaximum() {
        assertThat(apply(decide(register(null, contact(86400)))).changes().get(0).expires()).isEqualTo(7200);
    }

    @Test
    void zeroExpiryRemovesTheBinding() {
        assertThat(apply(decide(register(0, contact(null)))).changes().get(0).isRemoval()).isTrue();
    }

    @Test
    void wildcardWithNonZeroExpiryIsABadRequest() {
        assertThat(decide(wildcard(3600, List.of()))).isInstanceOfSatisfying(RegistrationDecision.Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(400));
    }

    @Test
    void wildcardWithoutExpiresIsABadRequest() {
        assertThat(decide(wildcard(null, List.of()))).isInstanceOfSatisfying(RegistrationDecision.Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(400));
    }

    @Test
    void wildcardWithOtherContactsIsABadRequest() {
        assertThat(decide(wildcard(0, List.of(contact(null))))).isInstanceOfSatisfying(
                RegistrationDecision.Reject.class, reject -> assertThat(reject.status()).isEqualTo(400));
    }

    @Test
    void registerWithoutContactIsAQuery() {
        RegisterRequest query = request(null, false, List.of());

        assertThat(query.isQuery()).isTrue();
        assertThat(apply(decide(query)).changes()).isEmpty();
    }

    private RegistrationDecision decide(RegisterRequest request) {
        return rules.decide(request, List.of(), NOW);
    }

    @Test
    void sameCallIdWithLowerOrEqualCSeqIsOutOfOrder() {
        List<StoredBinding> stored = List.of(stored(CONTACT, "call-1@phone", 5));

        RegistrationDecision equal = rules.decide(request(null, false, List.of(contact(null)), "call-1@phone", 5), stored, NOW);
        RegistrationDecision lower = rules.decide(request(null, false, List.of(contact(null)), "call-1@phone", 4), stored, NOW);

        for (RegistrationDecision decision : List.of(equal, lower)) {
            assertThat(decision).isInstanceOfSatisfying(RegistrationDecision.Reject.class, reject -> {
                assertThat(reject.status()).isEqualTo(500);
                assertThat(reject.headers()).containsKey("Retry-After");
            });
        }
    }

    @Test
    void sameCallIdWithHigherCSeqUpdates() {
        List<StoredBinding> stored = List.of(stored(CONTACT, "call-1@phone", 5));

        assertThat(rules.decide(request(null, false, List.of(contact(null)), "call-1@phone", 6), stored, NOW))
                .isInstanceOf(RegistrationDecision.Apply.class);
    }

    @Test
    void otherCallIdUpdatesWhateverItsCSeq() {
        List<StoredBinding> stored = List.of(stored(CONTACT, "call-1@phone", 5));

        assertThat(rules.decide(request(null, false, List.of(contact(null)), "rebooted@phone", 1), stored, NOW))
                .isInstanceOf(RegistrationDecision.Apply.class);
    }

    @Test
    void expiredBindingDoesNotBlockALowerCSeq() {
        List<StoredBinding> stored = List.of(new StoredBinding(CONTACT, "call-1@phone", 5, null, null, NOW.minusSeconds(1)));

        assertThat(rules.decide(request(null, false, List.of(contact(null)), "call-1@phone", 2), stored, NOW))
                .isInstanceOf(RegistrationDecision.Apply.class);
    }

    @Test
    void wildcardRemovesEveryActiveBinding() {
        List<StoredBinding> stored = List.of(stored(CONTACT, "call-1@phone", 1), stored("sip:alice@192.0.2.7", "other", 9));

        RegistrationDecision decision = rules.decide(request(0, true, List.of(), "call-1@phone", 2), stored, NOW);

        assertThat(apply(decision).replaced()).containsExactlyInAnyOrder(CONTACT, "sip:alice@192.0.2.7");
    }

    @Test
    void wildcardOlderThanABindingOfItsCallIdIsOutOfOrder() {
        List<StoredBinding> stored = List.of(stored(CONTACT, "call-1@phone", 7));

        assertThat(rules.decide(request(0, true, List.of(), "call-1@phone", 3), stored, NOW))
                .isInstanceOfSatisfying(RegistrationDecision.Reject.class, reject -> assertThat(reject.status()).isEqualTo(500));
    }

    @Test
    void newFlowOfTheSameInstanceAndRegIdReplacesTheOldContact() {
        String instance = "\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"";
        List<StoredBinding> stored = List.of(new StoredBinding("sip:alice@192.0.2.7:5060", "old", 1, instance, 1,
                NOW.plusSeconds(300)));
        RequestedContact newFlow = new RequestedContact(CONTACT, null, null, instance, 1);

        RegistrationDecision decision = rules.decide(request(null, false, List.of(newFlow), "new", 1), stored, NOW);

        assertThat(apply(decision).replaced()).containsExactly("sip:alice@192.0.2.7:5060");
    }

    @Test
    void otherRegIdOfTheSameInstanceIsASecondFlow() {
        String instance = "\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"";
        List<StoredBinding> stored = List.of(new StoredBinding("sip:alice@192.0.2.7:5060", "old", 1, instance, 1,
                NOW.plusSeconds(300)));
        RequestedContact secondFlow = new RequestedContact(CONTACT, null, null, instance, 2);

        assertThat(apply(rules.decide(request(null, false, List.of(secondFlow), "new", 1), stored, NOW)).replaced()).isEmpty();
    }

    @Test
    void contactWrittenDifferentlyRefreshesTheStoredBinding() {
        String stored = "sip:alice@127.0.0.1:5999;transport=udp;ob";

        RegistrationDecision.BindingChange change = onlyChange(stored, "SIP:alice@127.0.0.1:5999;ob;transport=UDP", 600);

        assertThat(change.storedContact()).isEqualTo(stored);
        assertThat(change.boundContact()).isEqualTo(stored);
    }

    @Test
    void contactWrittenDifferentlyRemovesTheStoredBinding() {
        String stored = "sip:alice@127.0.0.1:5999;transport=udp";

        RegistrationDecision.BindingChange change = onlyChange(stored, "sip:alice@127.0.0.1:5999;Transport=UDP", 0);

        assertThat(change.isRemoval()).isTrue();
        assertThat(change.boundContact()).isEqualTo(stored);
    }

    @Test
    void contactWithoutPortIsNotTheBindingWithPort5060() {
        RegistrationDecision.BindingChange change = onlyChange("sip:alice@127.0.0.1", "sip:alice@127.0.0.1:5060", 600);

        assertThat(change.storedContact()).isNull();
        assertThat(change.boundContact()).isEqualTo("sip:alice@127.0.0.1:5060");
    }

    /** The one change a REGISTER of {@code requested} makes when {@code stored} is the AOR's binding. */
    private RegistrationDecision.BindingChange onlyChange(String stored, String requested, int expires) {
        RegistrationDecision decision = rules.decide(
                request(expires, false, List.of(RequestedContact.of(requested)), "call-1@phone", 2),
                List.of(stored(stored, "call-1@phone", 1)), NOW);
        assertThat(apply(decision).changes()).hasSize(1);
        return apply(decision).changes().get(0);
    }

    @Test
    void equalContactOfTheSameCallIdWithALowerCSeqIsOutOfOrder() {
        RegistrationDecision decision = rules.decide(
                request(600, false, List.of(RequestedContact.of("sip:alice@127.0.0.1:5999;Transport=UDP")),
                        "call-1@phone", 4),
                List.of(stored("sip:alice@127.0.0.1:5999;transport=udp", "call-1@phone", 5)), NOW);

        assertThat(decision).isInstanceOfSatisfying(RegistrationDecision.Reject.class,
                reject -> assertThat(reject.status()).isEqualTo(500));
    }

    @Test
    void theSameTextWinsOverAnEqualContactStoredEarlier() {
        String requested = "sip:alice@127.0.0.1:5999;transport=UDP";
        List<StoredBinding> stored = List.of(stored("sip:alice@127.0.0.1:5999;transport=udp", "a", 1),
                stored(requested, "b", 1));

        RegistrationDecision decision = rules.decide(
                request(600, false, List.of(RequestedContact.of(requested)), "c", 1), stored, NOW);

        assertThat(apply(decision).changes()).singleElement()
                .extracting(RegistrationDecision.BindingChange::storedContact).isEqualTo(requested);
    }

    @Test
    void newFlowWrittenLikeTheOldContactRefreshesItInsteadOfReplacingIt() {
        String instance = "\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"";
        List<StoredBinding> stored = List.of(new StoredBinding("sip:alice@192.0.2.7:5060;transport=udp", "old", 1,
                instance, 1, NOW.plusSeconds(300)));
        RequestedContact sameFlow = new RequestedContact("sip:alice@192.0.2.7:5060;transport=UDP", null, null,
                instance, 1);

        RegistrationDecision.Apply decision = apply(rules.decide(request(null, false, List.of(sameFlow), "new", 1),
                stored, NOW));

        assertThat(decision.replaced()).isEmpty();
        assertThat(decision.changes()).singleElement().extracting(RegistrationDecision.BindingChange::storedContact)
                .isEqualTo("sip:alice@192.0.2.7:5060;transport=udp");
    }

    private static StoredBinding stored(String contact, String callId, long cseq) {
        return new StoredBinding(contact, callId, cseq, null, null, NOW.plusSeconds(600));
    }

    private static RegistrationDecision.Apply apply(RegistrationDecision decision) {
        assertThat(decision).isInstanceOf(RegistrationDecision.Apply.class);
        return (RegistrationDecision.Apply) decision;
    }

    private static RequestedContact contact(Integer expires) {
        return new RequestedContact(CONTACT, expires, null, null, null);
    }

    private static RegisterRequest register(Integer expiresHeader, RequestedContact contact) {
        return request(expiresHeader, false, List.of(contact));
    }

    private static RegisterRequest wildcard(Integer expiresHeader, List<RequestedContact> others) {
        return request(expiresHeader, true, others);
    }

    private static RegisterRequest request(Integer expiresHeader, boolean wildcard, List<RequestedContact> contacts) {
        return request(expiresHeader, wildcard, contacts, "call-1@phone", 1);
    }

    private static RegisterRequest request(Integer expiresHeader, boolean wildcard, List<RequestedContact> contacts,
            String callId, long cseq) {
        return new RegisterRequest(new AddressOfRecord("alice", "127.0.0.1"), callId, cseq, expiresHeader,
                wildcard, contacts, List.of(), false, new SourceAddress("127.0.0.1", 5999, "UDP"), "test");
    }
}
