package org.seed.sip.store.location;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.reach.Reach;

/** Where the location service sends a request for a registered contact, rule by rule. */
class ReachabilityTest {

    @Test
    void aPhoneThatRegisteredFromItsContactIsReachedThere() {
        Reach reach = location("sip:alice@192.0.2.10:5060", List.of(), udp("192.0.2.10", 5060), null, null).reach();

        assertThat(reach).isEqualTo(new Reach("sip:alice@192.0.2.10:5060", "sip:alice@192.0.2.10:5060", null,
                List.of(), Reach.Kind.CONTACT));
    }

    @Test
    void aContactWithoutPortMeans5060() {
        assertThat(location("sip:alice@192.0.2.10", List.of(), udp("192.0.2.10", 5060), null, null).reach().kind())
                .isEqualTo(Reach.Kind.CONTACT);
    }

    @Test
    void ipv6LiteralsCompareAsAddresses() {
        Location location = location("sip:alice@[::1]:5070", List.of(), udp("0:0:0:0:0:0:0:1", 5070), null, null);

        assertThat(location.reach().kind()).isEqualTo(Reach.Kind.CONTACT);
    }

    @Test
    void aUdpPhoneBehindNatIsReachedWhereItsRegisterCameFrom() {
        Reach reach = location("sip:alice@10.0.0.7:5060", List.of(), udp("203.0.113.9", 61000), null, null).reach();

        assertThat(reach.requestUri()).isEqualTo("sip:alice@10.0.0.7:5060");
        assertThat(reach.destination()).isEqualTo("sip:203.0.113.9:61000;transport=udp");
        assertThat(reach.fallback()).isNull();
        assertThat(reach.kind()).isEqualTo(Reach.Kind.NAT);
    }

    @Test
    void aTlsPhoneIsReachedOverItsConnectionThenOverTlsToItsContact() {
        Reach reach = location("sip:alice@192.0.2.10:5061", List.of(),
                new Location.Received("192.0.2.10", 40123, "TLS"), null, null).reach();

        assertThat(reach.destination()).isEqualTo("sip:192.0.2.10:40123;transport=tls");
        assertThat(reach.fallback()).isEqualTo("sip:alice@192.0.2.10:5061;transport=tls");
        assertThat(reach.requestUri()).isEqualTo("sip:alice@192.0.2.10:5061");
        assertThat(reach.kind()).isEqualTo(Reach.Kind.CONNECTION);
    }

    @Test
    void aTcpPhoneWhoseContactNamesUdpFallsBackToTcp() {
        Reach reach = location("sip:bob@192.0.2.11:5060;transport=udp;ob", List.of(),
                new Location.Received("192.0.2.11", 50000, "TCP"), null, null).reach();

        assertThat(reach.destination()).isEqualTo("sip:192.0.2.11:50000;transport=tcp");
        assertThat(reach.fallback()).isEqualTo("sip:bob@192.0.2.11:5060;transport=tcp;ob");
    }

    @Test
    void aContactThatAlreadySaysItsTransportIsItsOwnFallback() {
        assertThat(location("sip:bob@192.0.2.11:5062;transport=TLS", List.of(),
                new Location.Received("192.0.2.11", 50000, "TLS"), null, null).reach().fallback())
                .isEqualTo("sip:bob@192.0.2.11:5062;transport=TLS");
        assertThat(location("sips:bob@192.0.2.11", List.of(),
                new Location.Received("192.0.2.11", 50000, "TLS"), null, null).reach().fallback())
                .isEqualTo("sips:bob@192.0.2.11");
    }

    @Test
    void anOutboundRegistrationIsReachedOverItsFlowOnly() {
        Reach reach = location("sip:carol@10.0.0.8:5060;transport=tcp;ob", List.of(),
                new Location.Received("203.0.113.20", 41000, "TCP"), "\"<urn:uuid:00000000-0000-1000-8000-AABBCCDDEEFF>\"",
                1).reach();

        assertThat(reach).isEqualTo(new Reach("sip:carol@10.0.0.8:5060;transport=tcp;ob",
                "sip:203.0.113.20:41000;transport=tcp", null, List.of(), Reach.Kind.OUTBOUND_FLOW));
    }

    @Test
    void anOutboundRegistrationOverUdpUsesItsFlowEvenFromItsOwnAddress() {
        Reach reach = location("sip:carol@192.0.2.12:5060;ob", List.of(), udp("192.0.2.12", 5060), "\"<urn:uuid:1>\"", 2)
                .reach();

        assertThat(reach.kind()).isEqualTo(Reach.Kind.OUTBOUND_FLOW);
        assertThat(reach.destination()).isEqualTo("sip:192.0.2.12:5060;transport=udp");
    }

    @Test
    void aPathIsTheRouteSetAndTheEdgeProxyHoldsTheFlow() {
        List<String> path = List.of("<sip:edge.example.com;lr;ob>", "<sip:core.example.com;lr>");
        Reach reach = location("sip:dave@10.0.0.9:5060;ob", path, new Location.Received("198.51.100.1", 5060, "TCP"),
                "\"<urn:uuid:2>\"", 1).reach();

        assertThat(reach).isEqualTo(new Reach("sip:dave@10.0.0.9:5060;ob", null, null, path, Reach.Kind.PATH));
    }

    @Test
    void aContactThatIsNoSipUriIsReachedOnlyWhereItsRegisterCameFrom() {
        Reach reach = location("tel:+15551234567", List.of(), udp("192.0.2.13", 5060), null, null).reach();

        assertThat(reach.kind()).isEqualTo(Reach.Kind.NAT);
        assertThat(reach.destination()).isEqualTo("sip:192.0.2.13:5060;transport=udp");
    }

    private static Location.Received udp(String address, int port) {
        return new Location.Received(address, port, "UDP");
    }

    private static Location location(String contact, List<String> path, Location.Received received, String instance,
            Integer regId) {
        return new Location(contact, 1.0f, path, received, instance, regId, 600);
    }
}
