package org.seed.sip.common.event.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.sip.Address;
import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipFactory;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;
import javax.servlet.sip.URI;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.event.Notify;
import org.seed.sip.common.event.NotifySender.Result;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.reach.Origin;

/**
 * The container side of the subscriptions' dialogs, against stand-ins of the JSR 289 interfaces that record
 * what the sender asks of them.
 */
class SipNotifySenderTest {

    private static final SubscriptionRecord SUBSCRIPTION = new SubscriptionRecord("s1", "reg", "sip:alice@example.com",
            "reg;id=7", new SubscriptionDialog("call-1@192.0.2.30", "local-tag", "remote-tag", "sip:alice@example.com",
                    "sip:watcher@example.com", "sip:watcher@192.0.2.30:5070",
                    List.of("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>")),
            new Subscriber("watcher", "example.com", false), new Origin("192.0.2.30", 5070, "udp"),
            Instant.now().plusSeconds(600), 3, 2, false);
    /** The watcher's SUBSCRIBE came over UDP from its contact: the NOTIFYs go there as the container sends them. */
    private static final Origin WATCHER = new Origin("192.0.2.30", 5070, "udp");
    private static final Notify NOTIFY = new Notify("active;expires=600", "application/reginfo+xml",
            "<reginfo/>".getBytes(StandardCharsets.UTF_8), 3);

    private final Map<String, Object> headers = new LinkedHashMap<>();
    private final List<String> routes = new ArrayList<>();
    private final List<Integer> expiresSet = new ArrayList<>();
    private final Map<String, Object> sessionAttributes = new LinkedHashMap<>();
    private Object content;
    private String requestUri;
    private boolean applicationValid = true;
    private boolean invalidated;
    private boolean sessionGone;
    private boolean inService = true;

    private final SipNotifySender sender = new SipNotifySender(factory());

    @Test
    void notifyInALiveDialogCarriesTheEventTheStateTheCSeqAndTheBody() {
        sender.attach("s1", session(), null, WATCHER);

        assertThat(sender.send(SUBSCRIPTION, NOTIFY)).isEqualTo(Result.SENT);

        assertThat(headers).containsEntry("Event", "reg;id=7")
                .containsEntry("Subscription-State", "active;expires=600")
                .containsEntry("CSeq", "3 NOTIFY")
                .containsEntry("Content-Type", "application/reginfo+xml")
                .doesNotContainKey("Contact");
        assertThat(content).isEqualTo(NOTIFY.body());
        assertThat(sessionAttributes).containsEntry(SipNotifySender.SUBSCRIPTION, "s1");
    }

    @Test
    void dialogMadeRoutableAgainKeepsItsContactInEveryNotify() {
        sender.attach("s1", session(), "<sip:192.0.2.1:5060;appname=ab;app_id=cd>", WATCHER);

        sender.send(SUBSCRIPTION, NOTIFY);

        assertThat(headers).containsEntry("Contact", "<sip:192.0.2.1:5060;appname=ab;app_id=cd>");
    }

    @Test
    void notifyOnADroppedDialogReportsItGone() {
        sender.attach("s1", session(), null, WATCHER);
        sessionGone = true;

        assertThat(sender.send(SUBSCRIPTION, NOTIFY)).isEqualTo(Result.DIALOG_GONE);
    }

    @Test
    void notifyOfAStoredDialogIsRebuiltFromItAndItsAnswerIsNotAwaited() {
        assertThat(sender.send(SUBSCRIPTION, NOTIFY)).isEqualTo(Result.SENT_UNTRACKED);

        // RFC 3261 §12.2.1.1: the dialog's Call-ID and tags, the remote target, the route set as Route
        assertThat(headers).containsEntry("Call-ID", "call-1@192.0.2.30")
                .containsEntry("From", "<sip:alice@example.com>;tag=local-tag")
                .containsEntry("To", "<sip:watcher@example.com>;tag=remote-tag")
                .containsEntry("CSeq", "3 NOTIFY");
        assertThat(requestUri).isEqualTo("sip:watcher@192.0.2.30:5070");
        assertThat(routes).containsExactly("<sip:edge1.example.com;lr>", "<sip:edge2.example.com;lr>");
        assertThat(expiresSet).as("its session outlives the NOTIFY's transaction only").containsExactly(2);
    }

    @Test
    void containerNotYetInServiceIsToldToTryAgain() {
        inService = false;

        assertThat(sender.send(SUBSCRIPTION, NOTIFY)).isEqualTo(Result.NOT_NOW);
    }

    @Test
    void applicationSessionOutlivesTheSubscriptionByAtMostTwoMinutes() {
        sender.attach("s1", session(), null, WATCHER);
        Instant now = Instant.now();

        sender.keepUntil(SUBSCRIPTION, now.plusSeconds(3761));
        sender.keepUntil(SUBSCRIPTION, now.plusSeconds(3601));
        sender.keepUntil(SUBSCRIPTION, now);

        // whole minutes, rounded up, plus one for the final NOTIFY's transaction
        assertThat(expiresSet).containsExactly(64, 61, 1);
    }

    @Test
    void releaseInvalidatesTheApplicationSessionOnce() {
        sender.attach("s1", session(), null, WATCHER);
        sender.release(SUBSCRIPTION);
        assertThat(invalidated).isTrue();

        invalidated = false;
        sender.release(SUBSCRIPTION);
        sender.keepUntil(SUBSCRIPTION, Instant.now().plusSeconds(600));
        assertThat(invalidated).as("released already").isFalse();
        assertThat(expiresSet).isEmpty();
    }

    private SipFactory factory() {
        return stub(SipFactory.class, (method, args) -> switch (method) {
            case "createApplicationSession" -> applicationSession();
            case "createRequest" -> {
                if (!inService) {
                    throw new IllegalStateException("There is no SIP connectors available to create the request");
                }
                yield request();
            }
            case "createAddress" -> stub(Address.class, (m, a) -> null);
            case "createURI" -> uri((String) args[0]);
            default -> null;
        });
    }

    private URI uri(String value) {
        return stub(URI.class, (method, args) -> "toString".equals(method) ? value : null);
    }

    private SipSession session() {
        return stub(SipSession.class, (method, args) -> switch (method) {
            case "createRequest" -> {
                if (sessionGone) {
                    throw new IllegalStateException("session invalidated");
                }
                yield request();
            }
            case "getApplicationSession" -> applicationSession();
            case "setAttribute" -> sessionAttributes.put((String) args[0], args[1]);
            default -> null;
        });
    }

    private SipServletRequest request() {
        return stub(SipServletRequest.class, (method, args) -> {
            switch (method) {
                case "setHeader" -> headers.put((String) args[0], args[1]);
                case "addHeader" -> routes.add((String) args[1]);
                case "setContent" -> {
                    content = args[0];
                    headers.put("Content-Type", args[1]);
                }
                case "setRequestURI" -> requestUri = args[0].toString();
                case "getRequestURI" -> {
                    return uri(requestUri != null ? requestUri : SUBSCRIPTION.dialog().remoteTarget());
                }
                case "getHeaders" -> {
                    return List.copyOf(routes).listIterator();
                }
                case "getSession" -> {
                    return session();
                }
                default -> { }
            }
            return null;
        });
    }

    private SipApplicationSession applicationSession() {
        return stub(SipApplicationSession.class, (method, args) -> switch (method) {
            case "isValid" -> applicationValid;
            case "setExpires" -> {
                expiresSet.add((Integer) args[0]);
                yield (Integer) args[0];
            }
            case "invalidate" -> {
                invalidated = true;
                applicationValid = false;
                yield null;
            }
            default -> null;
        });
    }

    /** A stand-in for {@code type} answering each call by method name. */
    private static <T> T stub(Class<T> type, Answer answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> answer.call(method.getName(), args)));
    }

    @FunctionalInterface
    private interface Answer {
        Object call(String method, Object[] args);
    }
}
