package org.seed.sip.registrar.regevent.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SubscriptionRulesTest {

    private static final EventHeader REG = new EventHeader("reg", null);
    private final SubscriptionRules rules = new SubscriptionRules(new SubscriptionPolicy(3761, 60, 7200));

    @Test
    void subscribeWithoutEventIsABadRequest() {
        assertThat(reject(new SubscribeRequest(null, null, 600)).status()).isEqualTo(400);
    }

    @Test
    void otherEventPackageIsABadEventNamingReg() {
        SubscribeDecision.Reject reject = reject(new SubscribeRequest(EventHeader.parse("reg.winfo"), null, 600));

        assertThat(reject.status()).isEqualTo(489);
        assertThat(reject.headers()).containsEntry("Allow-Events", "reg");
    }

    @Test
    void eventPackageNamesAreCaseSensitive() {
        assertThat(reject(new SubscribeRequest(EventHeader.parse("REG"), null, 600)).status()).isEqualTo(489);
    }

    @Test
    void eventHeaderKeepsItsIdForTheNotifies() {
        EventHeader event = EventHeader.parse("reg ; id=42;other=x");

        assertThat(event).isEqualTo(new EventHeader("reg", "42"));
        assertThat(event.toString()).isEqualTo("reg;id=42");
        assertThat(accept(new SubscribeRequest(event, null, 600)).expires()).isEqualTo(600);
    }

    @Test
    void acceptWithoutReginfoIsNotAcceptable() {
        SubscribeDecision.Reject reject = reject(new SubscribeRequest(REG, List.of("text/plain"), 600));

        assertThat(reject.status()).isEqualTo(406);
        assertThat(reject.headers()).containsEntry("Accept", "application/reginfo+xml");
    }

    @Test
    void noAcceptHeaderMeansThePackageDefault() {
        assertThat(rules.decide(new SubscribeRequest(REG, null, 600))).isInstanceOf(SubscribeDecision.Accept.class);
    }

    @Test
    void reginfoAmongListedOrWildcardRangesIsAcceptable() {
        for (List<String> accept : List.of(List.of("application/reginfo+xml"), List.of("Application/RegInfo+XML"),
                List.of("application/pidf+xml, application/reginfo+xml;q=0.5"), List.of("text/plain", "application/*"),
                List.of("*/*"))) {
            assertThat(rules.decide(new SubscribeRequest(REG, accept, 600))).as("Accept: %s", accept)
                    .isInstanceOf(SubscribeDecision.Accept.class);
        }
    }

    @Test
    void rangeOfQualityZeroIsNotAcceptable() {
        assertThat(reject(new SubscribeRequest(REG, List.of("application/reginfo+xml;q=0"), 600)).status())
                .isEqualTo(406);
    }

    @Test
    void emptyAcceptHeaderAcceptsNothing() {
        assertThat(reject(new SubscribeRequest(REG, List.of(""), 600)).status()).isEqualTo(406);
    }

    @Test
    void noExpiresGetsTheDefaultDuration() {
        assertThat(accept(new SubscribeRequest(REG, null, null)).expires()).isEqualTo(3761);
    }

    @Test
    void tooBriefDurationIsRefusedWith423AndMinExpires() {
        SubscribeDecision.Reject reject = reject(new SubscribeRequest(REG, null, 59));

        assertThat(reject.status()).isEqualTo(423);
        assertThat(reject.headers()).containsEntry("Min-Expires", "60");
    }

    @Test
    void zeroDurationIsAcceptedToEndOrFetch() {
        SubscribeDecision.Accept accept = accept(new SubscribeRequest(REG, null, 0));

        assertThat(accept.expires()).isZero();
        assertThat(accept.endsSubscription()).isTrue();
    }

    @Test
    void longDurationIsShortenedToTheMaximum() {
        assertThat(accept(new SubscribeRequest(REG, null, 86400)).expires()).isEqualTo(7200);
    }

    @Test
    void policyRefusesInconsistentLimits() {
        assertThatThrownBy(() -> new SubscriptionPolicy(30, 60, 7200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubscriptionPolicy(3761, 0, 7200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SubscriptionPolicy(3761, 60, 3600)).isInstanceOf(IllegalArgumentException.class);
    }

    private SubscribeDecision.Reject reject(SubscribeRequest request) {
        SubscribeDecision decision = rules.decide(request);
        assertThat(decision).isInstanceOf(SubscribeDecision.Reject.class);
        return (SubscribeDecision.Reject) decision;
    }

    private SubscribeDecision.Accept accept(SubscribeRequest request) {
        SubscribeDecision decision = rules.decide(request);
        assertThat(decision).isInstanceOf(SubscribeDecision.Accept.class);
        return (SubscribeDecision.Accept) decision;
    }
}
