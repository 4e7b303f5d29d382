package org.seed.sip.common.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class SipsTransportTest {

    @Test
    void sipsRequestUriOverTlsIsServed() {
        assertThat(SipsTransport.checkRequest("sips:127.0.0.1", "TLS")).isEmpty();
        assertThat(SipsTransport.checkRequest("SIPS:alice@example.com", "tls")).isEmpty();
    }

    @Test
    void sipsRequestUriOverAnUnsecuredHopIsRefusedWith416() {
        for (String transport : List.of("UDP", "TCP", "ws", "SCTP")) {
            assertThat(SipsTransport.checkRequest("sips:127.0.0.1", transport))
                    .contains(new SipsTransport.Refusal(416, "SIPS Requires TLS"));
        }
    }

    @Test
    void sipRequestUriIsServedOverAnyTransport() {
        assertThat(SipsTransport.checkRequest("sip:127.0.0.1", "UDP")).isEmpty();
        assertThat(SipsTransport.checkRequest("sip:127.0.0.1;transport=tls", "TLS")).isEmpty();
        assertThat(SipsTransport.checkRequest("sipsomething:x", "UDP")).isEmpty();
    }

    @Test
    void sipsContactRegistersOverTlsOnly() {
        List<String> contacts = List.of("sip:alice@192.0.2.1", "sips:alice@192.0.2.1:5061");

        assertThat(SipsTransport.checkRegister("sip:127.0.0.1", contacts, "TLS")).isEmpty();
        assertThat(SipsTransport.checkRegister("sip:127.0.0.1", contacts, "WSS")).isEmpty();
        assertThat(SipsTransport.checkRegister("sip:127.0.0.1", contacts, "TCP"))
                .contains(new SipsTransport.Refusal(416, "SIPS Contact Requires TLS"));
    }

    @Test
    void theRequestUriIsNamedFirst() {
        assertThat(SipsTransport.checkRegister("sips:127.0.0.1", List.of("sips:alice@192.0.2.1"), "UDP"))
                .contains(new SipsTransport.Refusal(416, "SIPS Requires TLS"));
    }

    @Test
    void plainContactsOverPlainTransportsRegister() {
        assertThat(SipsTransport.checkRegister("sip:127.0.0.1", List.of("sip:alice@192.0.2.1"), "UDP")).isEmpty();
    }
}
