package org.seed.sip.b2bua.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/** RFC 4028 §4: the Session-Expires grammar, from the corpus under src/test/resources/rfc4028. */
class SessionExpiresTest {

    @ParameterizedTest(name = "{3}: \"{0}\"")
    @CsvFileSource(resources = "/rfc4028/session-expires-valid.csv", delimiter = '|',
            ignoreLeadingAndTrailingWhitespace = false)
    void rfc4028Section4ValuesParse(String value, int seconds, Refresher refresher, String why) {
        assertThat(SessionExpires.parse(value)).isEqualTo(new SessionExpires(seconds, refresher));
    }

    @ParameterizedTest(name = "{1}: \"{0}\"")
    @CsvFileSource(resources = "/rfc4028/session-expires-invalid.csv", delimiter = '|',
            ignoreLeadingAndTrailingWhitespace = false)
    void rfc4028Section4ViolationsAreMalformed(String value, String why) {
        assertThatThrownBy(() -> SessionExpires.parse(value)).isInstanceOf(MalformedTimerHeaderException.class)
                .hasMessage("Invalid Session-Expires");
    }

    @Test
    void anAbsentHeaderIsNoValue() {
        assertThat(SessionExpires.parse(null)).isNull();
    }

    @Test
    void rfc4028Section4FormatsWithAndWithoutRefresher() {
        assertThat(new SessionExpires(1800, Refresher.UAC).format()).isEqualTo("1800;refresher=uac");
        assertThat(new SessionExpires(1800, Refresher.UAS).format()).isEqualTo("1800;refresher=uas");
        assertThat(new SessionExpires(1800, null).format()).isEqualTo("1800");
    }

    @Test
    void formattedValuesParseBackToThemselves() {
        SessionExpires value = new SessionExpires(4000, Refresher.UAS);

        assertThat(SessionExpires.parse(value.format())).isEqualTo(value);
    }
}
