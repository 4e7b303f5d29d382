package org.seed.sip.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class SubscribeRulesTest {

    private static final EventHeader REG = new EventHeader("reg", null);
    private final SubscribeRules rules = new SubscribeRules("reg", "application/reginfo+xml", new ExpiryPolicy(3761, 60, 7200));

    @Test
    void subscribeWithoutEventIsABadRequest() {
        assertThat(reject(new SubscribeRequest(null, null, 600, null)).status()).isEqualTo(400);
    }

    @Test
    void otherEventPackageIsABadEventNamingReg() {
        SubscribeDecision.Reject reject = reject(new SubscribeRequest(EventHeader.parse("reg.winfo"), null, 600, null));

        assertThat(reject.status()).isEqualTo(489);
        assertThat(reject.headers()).containsEntry("Allow-Events", "reg");
    }

    @Test
    void eventPackageNamesAreCaseSensitive() {
        assertThat(reject(new SubscribeRequest(EventHeader.parse("REG"), null, 600, null)).status()).isEqualTo(489);
    }

    @Test
    void eventHeaderKeepsItsIdForTheNotifies() {
        EventHeader event = EventHeader.parse("reg ; id=42;other=x");

        assertThat(event).isEqualTo(new EventHeader("reg", "42"));
        assertThat(event.toString()).isEqualTo("reg;id=42");
        assertThat(accept(new SubscribeRequest(event, null, 600, null)).expires()).isEqualTo(600);
    }

    @Test
    void acceptWithoutReginfoIsNotAcceptable() {
        SubscribeDecision.Reject reject = reject(new SubscribeRequest(REG, List.of("text/plain"), 600, null));

        assertThat(reject.status()).isEqualTo(406);
        assertThat(reject.headers()).containsEntry("Accept", "application/reginfo+xml");
    }

    @Test
    void noAcceptHeaderMeansThePackageDefault() {
        assertThat(rules.decide(new SubscribeRequest(REG, null, 600, null))).isInstanceOf(SubscribeDecision.Accept.class);
    }

    @Test
    void reginfoAmongListedOrWildcardRangesIsAcceptable() {
        for (List<String> accept : List.of(List.of("application/reginfo+xml"), List.of("Application/RegInfo+XML"),
                List.of("application/pidf+xml, application/reginfo+xml;q=0.5"), List.of("text/plain", "application/*"),
                List.of("*/*"))) {
            assertThat(rules.decide(new SubscribeRequest(REG, accept, 600, null))).as("Accept: %s", accept)
                    .isInstanceOf(SubscribeDecision.Accept.class);
        }
    }

    @Test
    void rangeOfQualityZeroIsNotAcceptable() {
        assertThat(reject(new SubscribeRequest(REG, List.of("application/reginfo+xml;q=0"), 600, null)).status())
                .isEqualTo(406);
    }

    @Test
    void emptyAcceptHeaderAcceptsNothing() {
        assertThat(reject(new SubscribeRequest(REG, List.of(""), 600, null)).status()).isEqualTo(406);
    }

    @Test
    void bodyOfATypeThePackageDoesNotDefineIsUnsupported() {
        SubscribeDecision.Reject reject = reject(new SubscribeRequest(REG, null, 600, "application/simple-filter+xml"));

        assertThat(reject.status()).isEqualTo(415);
        assertThat(reject.headers()).containsEntry("Accept", "application/reginfo+xml");
    }

    @Test
    void noExpiresGetsTheDefaultDuration() {
        assertThat(accept(new SubscribeRequest(REG, null, null, null)).expires()).isEqualTo(3761);
    }

    @Test
    void tooBriefDurationIsRefusedWith423AndMinExpires() {
        SubscribeDecision.Reject reject = reject(new SubscribeRequest(REG, null, 59, null));

        assertThat(reject.status()).isEqualTo(423);
        assertThat(reject.headers()).containsEntry("Min-Expires", "60");
    }

    @Test
    void zeroDurationIsAcceptedToEndOrFetch() {
        SubscribeDecision.Accept accept = accept(new SubscribeRequest(REG, null, 0, null));

        assertThat(accept.expires()).isZero();
        assertThat(accept.endsSubscription()).isTrue();
    }

    @Test
    void longDurationIsShortenedToTheMaximum() {
        assertThat(accept(new SubscribeRequest(REG, null, 86400, null)).expires()).isEqualTo(7200);
    }

    @Test
    void policyRefusesInconsistentLimits() {
        assertThatThrownBy(() -> new ExpiryPolicy(30, 60, 7200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiryPolicy(3761, 0, 7200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ExpiryPolicy(3761, 60, 3600)).isInstanceOf(IllegalArgumentException.class);
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
