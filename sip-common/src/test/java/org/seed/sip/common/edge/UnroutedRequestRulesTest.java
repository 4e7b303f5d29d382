package org.seed.sip.common.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.seed.sip.common.edge.UserDirectory.Reachability;
import org.seed.sip.common.sip.Capabilities;
import org.seed.sip.common.sip.PlatformCapabilities;

class UnroutedRequestRulesTest {

    private static final int PORT = 5060;
    private static final Map<String, Reachability> USERS = Map.of(
            "sip:alice@example.com", Reachability.REGISTERED,
            "sip:bob@example.com", Reachability.NOT_REGISTERED);

    private final PlatformCapabilities capabilities = deployedToday();
    private final UnroutedRequestRules rules = new UnroutedRequestRules(Set.of("example.com", "127.0.0.1"),
            Set.of(PORT), capabilities,
            aor -> USERS.getOrDefault(aor.toString(), Reachability.UNKNOWN));

    static Stream<Arguments> answers() {
        return Stream.of(
                Arguments.of("unknown method, whatever the target", req("FOO", "sip", "elsewhere.net", -1, "x"), 501),
                Arguments.of("unknown method to the platform", req("FOO", "sip", "example.com", -1, null), 501),
                Arguments.of("request with a To tag of no dialog", req("MESSAGE", "sip", "example.com", -1, "alice").inDialog(), 481),
                Arguments.of("INFO outside a dialog", req("INFO", "sip", "elsewhere.net", 5999, "x"), 481),
                Arguments.of("BYE outside a dialog", req("BYE", "sip", "example.com", -1, "alice"), 481),
                Arguments.of("CANCEL of no transaction", req("CANCEL", "sip", "example.com", -1, "alice"), 481),
                Arguments.of("PRACK outside a dialog", req("PRACK", "sip", "example.com", -1, "alice"), 481),
                Arguments.of("UPDATE outside a dialog", req("UPDATE", "sip", "example.com", -1, "alice"), 481),
                Arguments.of("NOTIFY outside a dialog", req("NOTIFY", "sip", "example.com", -1, "alice").withEvent("reg"), 481),
                Arguments.of("known method nothing serves", req("PUBLISH", "sip", "example.com", -1, "alice"), 405),
                Arguments.of("tel: Request-URI", req("OPTIONS", "tel", "", -1, null), 416),
                Arguments.of("mailto: Request-URI", req("SUBSCRIBE", "mailto", "", -1, null).withEvent("reg"), 416),
                Arguments.of("foreign domain", req("OPTIONS", "sip", "elsewhere.net", -1, "x"), 403),
                Arguments.of("own host, another server's port", req("OPTIONS", "sip", "127.0.0.1", 5999, "x"), 403),
                Arguments.of("own host and port", req("OPTIONS", "sips", "127.0.0.1", PORT, null), 200),
                Arguments.of("host case does not matter", req("OPTIONS", "sip", "EXAMPLE.com", -1, null), 200),
                Arguments.of("unknown user of ours", req("OPTIONS", "sip", "example.com", -1, "mallory"), 404),
                Arguments.of("known user without binding", req("OPTIONS", "sip", "example.com", -1, "bob"), 480),
                Arguments.of("known user with a binding", req("OPTIONS", "sip", "example.com", -1, "alice"), 200),
                Arguments.of("Require nothing supports", req("OPTIONS", "sip", "example.com", -1, null).withRequire(List.of("foo")), 420),
                Arguments.of("Require a supported extension", req("OPTIONS", "sip", "example.com", -1, null).withRequire(List.of("Path")), 200),
                Arguments.of("body nothing accepts", req("OPTIONS", "sip", "example.com", -1, null).withBody("text/plain"), 415),
                Arguments.of("unknown event package", req("SUBSCRIBE", "sip", "example.com", -1, "alice").withEvent("dialog"), 489),
                Arguments.of("SUBSCRIBE without Event", req("SUBSCRIBE", "sip", "example.com", -1, "alice"), 400),
                Arguments.of("SUBSCRIBE to an unknown user", req("SUBSCRIBE", "sip", "example.com", -1, "mallory").withEvent("dialog"), 404));
    }

    @ParameterizedTest(name = "{0} -> {2}")
    @MethodSource("answers")
    void answersWhatRfc3261Section8Asks(String what, UnroutedRequest request, int status) {
        assertThat(rules.answer(request)).get().extracting(EdgeAnswer::status).isEqualTo(status);
    }

    @Test
    void ackIsNeverAnswered() {
        assertThat(rules.answer(req("ACK", "sip", "elsewhere.net", -1, "x"))).isEmpty();
    }

    @Test
    void unknownMethodListsWhatIsServed() {
        assertThat(rules.answer(req("FOO", "sip", "example.com", -1, null)).orElseThrow().headers())
                .containsEntry("Allow", "OPTIONS, REGISTER, SUBSCRIBE");
    }

    @Test
    void optionsToThePlatformListsTheDeployedApplications() {
        EdgeAnswer answer = rules.answer(req("OPTIONS", "sip", "example.com", PORT, null)).orElseThrow();

        assertThat(answer.headers()).containsEntry("Allow", "OPTIONS, REGISTER, SUBSCRIBE")
                .containsEntry("Allow-Events", "reg").containsEntry("Supported", "path").containsEntry("Accept", "");
    }

    @Test
    void anApplicationThatStopsIsNoLongerAdvertised() {
        capabilities.withdraw("registrar-app");

        assertThat(rules.answer(req("OPTIONS", "sip", "example.com", -1, null)).orElseThrow().headers())
                .containsEntry("Allow", "OPTIONS").doesNotContainKeys("Allow-Events", "Supported");
    }

    @Test
    void badExtensionNamesTheUnsupportedOnes() {
        EdgeAnswer answer = rules.answer(req("OPTIONS", "sip", "example.com", -1, null)
                .withRequire(List.of("path", "100rel", "foo"))).orElseThrow();

        assertThat(answer.headers()).containsEntry("Unsupported", "100rel, foo");
    }

    @Test
    void badEventListsThePackagesServed() {
        assertThat(rules.answer(req("SUBSCRIBE", "sip", "example.com", -1, "alice").withEvent("presence"))
                .orElseThrow().headers()).containsEntry("Allow-Events", "reg");
    }

    @Test
    void unsupportedBodyListsWhatIsAccepted() {
        capabilities.contribute("b2bua-app", Capabilities.methods("INVITE").withAcceptedBodies("application/sdp"));

        assertThat(rules.answer(req("OPTIONS", "sip", "example.com", -1, null).withBody("text/plain"))
                .orElseThrow().headers()).containsEntry("Accept", "application/sdp");
        assertThat(rules.answer(req("OPTIONS", "sip", "example.com", -1, null).withBody("Application/SDP"))
                .orElseThrow().status()).isEqualTo(200);
    }

    private static UnroutedRequest req(String method, String scheme, String host, int port, String user) {
        return UnroutedRequest.of(method, scheme, host, port, user);
    }

    /** The registry as the EAR fills it today: the edge answers OPTIONS, the registrar the rest. */
    private static PlatformCapabilities deployedToday() {
        PlatformCapabilities registry = new PlatformCapabilities();
        registry.contribute("edge-app", Capabilities.methods("OPTIONS"));
        registry.contribute("registrar-app", Capabilities.methods("REGISTER", "SUBSCRIBE")
                .withEventPackages("reg").withExtensions("path"));
        return registry;
    }
}
