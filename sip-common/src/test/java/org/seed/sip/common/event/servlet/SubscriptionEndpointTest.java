package org.seed.sip.common.event.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.sip.Address;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.URI;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.event.BodyWriter;
import org.seed.sip.common.event.Authorization;
import org.seed.sip.common.event.EventPackage;
import org.seed.sip.common.event.ExpiryPolicy;
import org.seed.sip.common.event.MemorySubscriptionStore;
import org.seed.sip.common.event.Notifier;
import org.seed.sip.common.event.Resource;
import org.seed.sip.common.event.SubscribeRules;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.reach.Origin;

/**
 * The SUBSCRIBEs the endpoint answers itself, against stand-ins of the JSR 289 interfaces: those refused
 * before authentication, and those of dialogs the container no longer knows (after a restart).
 */
class SubscriptionEndpointTest {

    private static final String LOCAL_TAG = "25653983_abfee533_33402ffb_630940a8";

    private final MemorySubscriptionStore store = new MemorySubscriptionStore();
    private final Map<String, SubscriptionRecord> stored = store.records;
    private final Notifier<String, String> notifier = new Notifier<>(textPackage(), store, Clock.systemUTC(),
            Runnable::run);
    private final SipNotifySender sender = new SipNotifySender(stub(SipFactory.class, (method, args) -> null));
    private final SubscriptionEndpoint endpoint = new SubscriptionEndpoint(
            new SubscribeRules("test", "text/test", new ExpiryPolicy(600, 60, 3600)), notifier, sender, null);

    private final Map<String, String> requestHeaders = new HashMap<>();
    private final Map<String, String> responseHeaders = new LinkedHashMap<>();
    private final Map<String, String> notifyHeaders = new LinkedHashMap<>();
    private String toTag;
    private String contact = "<sip:watcher@192.0.2.30:5070>";
    private String requestUri = "sip:alice@example.com";
    private int status;
    private String reason;
    private boolean invalidated;

    SubscriptionEndpointTest() {
        requestHeaders.put("Event", "test");
    }

    @Test
    void resourceNotServedIsNotFoundBeforeAnyChallenge() throws Exception {
        requestUri = "sip:alice@elsewhere.org";

        endpoint.subscribe(request(true));

        assertThat(status).isEqualTo(404);
        assertThat(invalidated).as("no session kept").isTrue();
    }

    @Test
    void subscribeWithoutContactIsABadRequest() throws Exception {
        contact = null;

        endpoint.subscribe(request(true));

        assertThat(status).isEqualTo(400);
        assertThat(reason).isEqualTo("Missing Contact Header");
    }

    @Test
    void refreshOfADialogNobodyKnowsIsRefusedWith481() throws Exception {
        notifier.start(sender);
        toTag = LOCAL_TAG;

        endpoint.subscribe(request(true));

        assertThat(status).isEqualTo(481);
        assertThat(reason).isEqualTo("Call/Transaction Does Not Exist");
        assertThat(invalidated).isTrue();
    }

    @Test
    void refreshOfAStoredDialogIsAcceptedWithAContactTheContainerRoutesBack() throws Exception {
        stored.put("s1", new SubscriptionRecord("s1", "test", "sip:alice@example.com", "test",
                new SubscriptionDialog("call-1", LOCAL_TAG, "remote-tag", "sip:alice@example.com",
                        "sip:watcher@example.com", "sip:watcher@192.0.2.30:5070", List.of()),
                new Subscriber("alice", "example.com", false), new Origin("192.0.2.30", 5070, "udp"),
                Instant.now().plusSeconds(30), 4, 3, false));
        notifier.start(sender);
        toTag = LOCAL_TAG;
        requestHeaders.put("Expires", "600");

        endpoint.subscribe(request(true));

        assertThat(status).isEqualTo(200);
        assertThat(responseHeaders).containsEntry("Expires", "600")
                .containsEntry("Contact", "<sip:127.0.0.1:5060;appname=33402ffb;app_id=7d1ba8db>");
        assertThat(invalidated).as("its session carries the subscription on").isFalse();
        // the full state in the refresh's session, with the dialog's next CSeq and the routable Contact
        assertThat(notifyHeaders).containsEntry("CSeq", "4 NOTIFY")
                .containsEntry("Contact", "<sip:127.0.0.1:5060;appname=33402ffb;app_id=7d1ba8db>")
                .hasEntrySatisfying("Subscription-State", state -> assertThat(state).matches("active;expires=(599|600)"));
        assertThat(stored.get("s1").expiresAt()).isAfter(Instant.now().plusSeconds(590));
    }

    private SipServletRequest request(boolean initial) {
        SipSession[] session = new SipSession[1];
        SipServletRequest notify = stub(SipServletRequest.class, (method, args) -> {
            return switch (method) {
                case "setHeader" -> notifyHeaders.put((String) args[0], (String) args[1]);
                case "getSession" -> session[0];
                // the dialog's remote target, and no route set
                case "getRequestURI" -> uri(contact.replaceAll("[<>]", ""));
                case "getHeaders" -> Collections.emptyListIterator();
                default -> null;
            };
        });
        session[0] = stub(SipSession.class, (method, args) -> switch (method) {
            case "createRequest" -> notify;
            case "getApplicationSession" -> applicationSession();
            default -> null;
        });
        return stub(SipServletRequest.class, (method, args) -> switch (method) {
            case "isInitial" -> initial;
            case "getHeader" -> requestHeaders.get((String) args[0]);
            case "getHeaders" -> Collections.emptyListIterator();
            case "getExpires" -> requestHeaders.containsKey("Expires") ? Integer.parseInt(requestHeaders.get("Expires")) : -1;
            case "getContentLength" -> 0;
            case "getRequestURI" -> uri(requestUri);
            case "getAddressHeader" -> contact == null ? null : address(contact, null);
            case "getTo" -> address("<sip:alice@example.com>", toTag);
            case "getFrom" -> address("<sip:watcher@example.com>", "remote-tag");
            case "getCallId" -> "call-1";
            case "getTransport" -> "UDP";
            case "getLocalAddr" -> "127.0.0.1";
            case "getLocalPort" -> 5060;
            // the watcher subscribes from the address its Contact names
            case "getInitialRemoteAddr" -> "192.0.2.30";
            case "getInitialRemotePort" -> 5070;
            case "getApplicationSession" -> applicationSession();
            case "getSession" -> session[0];
            case "createResponse" -> {
                status = (Integer) args[0];
                reason = args.length > 1 ? (String) args[1] : null;
                yield response();
            }
            default -> null;
        });
    }

    private SipServletResponse response() {
        return stub(SipServletResponse.class, (method, args) -> {
            if ("setHeader".equals(method)) {
                responseHeaders.put((String) args[0], (String) args[1]);
            } else if ("getStatus".equals(method)) {
                return status;
            } else if ("getTo".equals(method)) {
                return address("<sip:alice@example.com>", toTag);
            }
            return null;
        });
    }

    private SipApplicationSession applicationSession() {
        return stub(SipApplicationSession.class, (method, args) -> switch (method) {
            case "getId" -> "7d1ba8db;test-app";
            case "isValid" -> !invalidated;
            case "setExpires" -> args[0];
            case "invalidate" -> {
                invalidated = true;
                yield null;
            }
            default -> null;
        });
    }

    private static Address address(String value, String tag) {
        return stub(Address.class, (method, args) -> switch (method) {
            case "getParameter" -> "tag".equals(args[0]) ? tag : null;
            case "getURI" -> uri(value.replaceAll("[<>]", ""));
            case "isWildcard" -> false;
            default -> null;
        });
    }

    private static URI uri(String value) {
        return stub(URI.class, (method, args) -> "toString".equals(method) ? value : null);
    }

    private static EventPackage<String, String> textPackage() {
        return new EventPackage<>("test", "text/test",
                uri -> uri.endsWith("@example.com") ? Optional.of(new Resource(uri, "example.com")) : Optional.empty(),
                (resource, subscriber) -> Authorization.GRANTED, resource -> "state", new BodyWriter<>() {
                    @Override
                    public byte[] fullState(long version, String resource, String state) {
                        return state.getBytes(StandardCharsets.UTF_8);
                    }

                    @Override
                    public byte[] partialState(long version, String resource, String change, String state) {
                        return change.getBytes(StandardCharsets.UTF_8);
                    }
                });
    }

    /** A stand-in for {@code type} answering each call by method name. */
    private static <T> T stub(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.call(method.getName(), args == null ? new Object[0] : args)));
    }

    @FunctionalInterface
    private interface Answer {
        Object call(String method, Object[] args);
    }
}
