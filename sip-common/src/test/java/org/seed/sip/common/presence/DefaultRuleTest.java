package org.seed.sip.common.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.seed.sip.common.config.ConfigurationException;
import org.seed.sip.common.config.PlatformSettings;

/** {@code presence.default.rule}: its syntax, its shipped value, and what an operator reads for a bad one. */
class DefaultRuleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "our-domains:allow, other-domains:pending  | ALLOW   | PENDING",
        "other-domains:block,our-domains:pending   | PENDING | BLOCK",
        " Our-Domains : ALLOW , other-domains: polite-block | ALLOW | POLITE_BLOCK",
        "pending                                   | PENDING | PENDING",
        "Allow                                     | ALLOW   | ALLOW",
    })
    void parsesOneGrantForEveryoneOrOnePerKindOfWatcher(String text, WatcherGrant ours, WatcherGrant others) {
        DefaultRule rule = DefaultRule.parse(text);

        assertThat(rule).isEqualTo(new DefaultRule(ours, others));
        assertThat(DefaultRule.parse(rule.toString())).isEqualTo(rule);
    }

    @Test
    void theShippedDefaultAllowsOurDomainsAndMakesOthersWait() {
        DefaultRule shipped = DefaultRule.from(PlatformSettings.load(null));

        assertThat(shipped).isEqualTo(DefaultRule.OUR_DOMAINS_ALLOWED).isEqualTo(new DefaultRule(WatcherGrant.ALLOW, WatcherGrant.PENDING));
        assertThat(shipped.of(true)).isEqualTo(WatcherGrant.ALLOW);
        assertThat(shipped.of(false)).isEqualTo(WatcherGrant.PENDING);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"", "yes", "allow-local", "our-domains:allow", "our-domains:allow, other-domains:maybe",
        "our-domains:allow, our-domains:block", "our-domains:allow, others:pending",
        "our-domains:allow, other-domains:pending, our-domains:block", "our-domains=allow, other-domains=pending",
        "our-domains:allow,, other-domains:pending"})
    void aBadValueIsRefusedSayingWhatIsAccepted(String text) {
        assertThatThrownBy(() -> DefaultRule.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("allow, pending, block, polite-block")
                .hasMessageContaining("our-domains:<grant>, other-domains:<grant>");
    }

    @Test
    void aBadConfiguredValueNamesTheKeyAndTheValue() {
        System.setProperty(DefaultRule.KEY, "allow-local");
        try {
            assertThatThrownBy(() -> DefaultRule.from(PlatformSettings.load(null)))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageStartingWith("presence.default.rule 'allow-local': 'allow-local' is not a grant; write one of");
        } finally {
            System.clearProperty(DefaultRule.KEY);
        }
    }
}
