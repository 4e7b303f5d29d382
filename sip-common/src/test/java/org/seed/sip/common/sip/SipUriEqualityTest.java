package org.seed.sip.common.sip;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

class SipUriEqualityTest {

    @ParameterizedTest(name = "{3}: {1} vs {2}")
    @CsvFileSource(resources = "/rfc3261/uri-equality.csv", delimiter = '|')
    void comparesAsRfc3261Section19_1_4Says(boolean equal, String first, String second, String why) {
        assertThat(SipUriEquality.equivalent(first, second)).as(why).isEqualTo(equal);
        assertThat(SipUriEquality.equivalent(second, first)).as(why + ", the other way round").isEqualTo(equal);
    }
}
