package org.seed.sip.common.reach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Where the requests of a dialog go, from its dialog-forming request (a SUBSCRIBE whose NOTIFYs follow). The
 * registration's side of the same rule is tested through {@code Location.reach()} in the store.
 */
class ReachabilityTest {

    @Test
    void aDialogMadeOverTcpIsReachedOverItsConnectionThenOverTcpToItsContact() {
        Reach reach = Reachability.ofDialog("sip:watcher@192.0.2.30:5070;transport=tcp", List.of(),
                new Origin("192.0.2.30", 49152, "TCP"));

        assertThat(reach).isEqualTo(new Reach("sip:watcher@192.0.2.30:5070;transport=tcp",
                "sip:192.0.2.30:49152;transport=tcp", "sip:watcher@192.0.2.30:5070;transport=tcp", List.of(),
                Reach.Kind.CONNECTION));
    }

    @Test
    void aDialogMadeOverTlsFallsBackToTlsEvenIfItsContactSaysNothing() {
        Reach reach = Reachability.ofDialog("sip:watcher@192.0.2.30:5071", List.of(),
                new Origin("192.0.2.30", 49153, "tls"));

        assertThat(reach.destination()).isEqualTo("sip:192.0.2.30:49153;transport=tls");
        assertThat(reach.fallback()).isEqualTo("sip:watcher@192.0.2.30:5071;transport=tls");
    }

    @Test
    void aRemoteTargetWithObAsksForTheFlowOnly() {
        Reach reach = Reachability.ofDialog("sip:watcher@10.0.0.7:5070;transport=tcp;ob", List.of(),
                new Origin("203.0.113.9", 41000, "TCP"));

        assertThat(reach.kind()).isEqualTo(Reach.Kind.OUTBOUND_FLOW);
        assertThat(reach.destination()).isEqualTo("sip:203.0.113.9:41000;transport=tcp");
        assertThat(reach.fallback()).as("RFC 5626 §5.3: no other way than the flow").isNull();
    }

    @Test
    void aRouteSetNamesTheNextHopWhateverTheTransport() {
        List<String> routeSet = List.of("<sip:edge.example.com;lr;transport=tcp>");
        Reach reach = Reachability.ofDialog("sip:watcher@10.0.0.7:5070", routeSet,
                new Origin("198.51.100.1", 5060, "TCP"));

        assertThat(reach).isEqualTo(new Reach("sip:watcher@10.0.0.7:5070", null, null, routeSet, Reach.Kind.PATH));
    }

    @Test
    void aUdpDialogFromItsContactIsReachedThere() {
        Reach reach = Reachability.ofDialog("sip:watcher@192.0.2.30:5070", List.of(),
                new Origin("192.0.2.30", 5070, "UDP"));

        assertThat(reach.kind()).isEqualTo(Reach.Kind.CONTACT);
        assertThat(reach.destination()).isEqualTo("sip:watcher@192.0.2.30:5070");
    }

    @Test
    void anIpv6FlowIsBracketed() {
        assertThat(Reachability.flow(new Origin("2001:db8::1", 5060, "UDP")))
                .isEqualTo("sip:[2001:db8::1]:5060;transport=udp");
    }
}
