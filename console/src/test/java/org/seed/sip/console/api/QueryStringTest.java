package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QueryStringTest {

    @Test
    void decodesUtf8EscapesAndKeepsTheFirstOfARepeatedName() {
        assertThat(QueryString.parse("aor=sip%3Aalice%40example.com&contact=sip%3A%2B49%40h%3Bx%3Dy&aor=second&flag"))
                .containsEntry("aor", "sip:alice@example.com")
                .containsEntry("contact", "sip:+49@h;x=y")
                .containsEntry("flag", "")
                .hasSize(3);
        assertThat(QueryString.parse(null)).isEmpty();
    }

    @Test
    void malformedEscapeIsABadRequest() {
        assertThatThrownBy(() -> QueryString.parse("aor=%zz"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
    }
}
