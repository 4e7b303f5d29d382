package org.seed.sip.common.event.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.function.Function;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;

import org.junit.jupiter.api.Test;

/** The Contact that makes Restcomm route a rebuilt dialog's next requests to the refresh's session. */
class RoutableContactTest {

    /** A Restcomm local tag: random, server id hash, application name hash, application session id. */
    private static final String RESTCOMM_TAG = "25653983_abfee533_33402ffb_630940a8";

    @Test
    void namesTheHashedApplicationOfTheTagAndTheNewApplicationSession() {
        assertThat(RoutableContact.of(request("127.0.0.1", 5060, "UDP"), RESTCOMM_TAG))
                .hasValue("<sip:127.0.0.1:5060;appname=33402ffb;app_id=7d1ba8db>");
    }

    @Test
    void keepsTheTransportAndBracketsAnIpv6Address() {
        assertThat(RoutableContact.of(request("::1", 5061, "TCP"), RESTCOMM_TAG))
                .hasValue("<sip:[::1]:5061;transport=tcp;appname=33402ffb;app_id=7d1ba8db>");
    }

    @Test
    void tagNotMadeByTheContainerGivesNone() {
        assertThat(RoutableContact.of(request("127.0.0.1", 5060, "UDP"), "1a87311d58d")).isEmpty();
    }

    private static SipServletRequest request(String localAddress, int localPort, String transport) {
        SipApplicationSession application = stub(SipApplicationSession.class,
                method -> "getId".equals(method) ? "7d1ba8db;registrar-app" : null);
        return stub(SipServletRequest.class, method -> switch (method) {
            case "getApplicationSession" -> application;
            case "getLocalAddr" -> localAddress;
            case "getLocalPort" -> localPort;
            case "getTransport" -> transport;
            default -> null;
        });
    }

    private static <T> T stub(Class<T> type, Function<String, Object> answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.apply(method.getName())));
    }
}
