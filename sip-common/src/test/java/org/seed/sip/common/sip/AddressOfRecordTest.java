package org.seed.sip.common.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressOfRecordTest {

    @Test
    void dropsPortAndParametersAndLowersTheDomain() {
        assertThat(AddressOfRecord.parse("sip:Alice@Example.COM:5070;transport=tcp").toString())
                .isEqualTo("sip:Alice@example.com");
    }

    @Test
    void sipsUrisShareTheAddressOfRecordOfTheirSipForm() {
        assertThat(AddressOfRecord.parse("sips:bob@example.com")).isEqualTo(new AddressOfRecord("bob", "example.com"));
    }

    @Test
    void rejectsUrisWithoutUserPart() {
        assertThatThrownBy(() -> AddressOfRecord.parse("sip:example.com")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsOtherSchemes() {
        assertThatThrownBy(() -> AddressOfRecord.parse("tel:+15551234")).isInstanceOf(IllegalArgumentException.class);
    }
}
