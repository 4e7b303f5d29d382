package org.seed.sip.registrar.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.servlet.sip.SipApplicationSession;
import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipSession;

import org.junit.jupiter.api.Test;
import org.seed.sip.registrar.regevent.Notify;

/**
 * The container side of a subscription's dialog, against stand-ins of the JSR 289 session interfaces that
 * record what the channel asks of them.
 */
class SipNotifyChannelTest {

    private final Map<String, Object> notifyHeaders = new LinkedHashMap<>();
    private final List<Integer> expiresSet = new ArrayList<>();
    private boolean applicationValid = true;
    private boolean invalidated;
    private boolean sessionGone;
    private Object content;

    private final SipNotifyChannel channel = new SipNotifyChannel(session(), "reg;id=7");

    @Test
    void notifyCarriesTheEventTheStateAndTheReginfoBody() {
        byte[] body = "<reginfo/>".getBytes(StandardCharsets.UTF_8);

        assertThat(channel.send(new Notify("active;expires=600", body))).isTrue();

        assertThat(notifyHeaders).containsEntry("Event", "reg;id=7")
                .containsEntry("Subscription-State", "active;expires=600")
                .containsEntry("Content-Type", "application/reginfo+xml");
        assertThat(content).isEqualTo(body);
    }

    @Test
    void notifyOnADroppedDialogReportsItGone() {
        sessionGone = true;

        assertThat(channel.send(new Notify("active;expires=600", new byte[0]))).isFalse();
    }

    @Test
    void applicationSessionOutlivesTheSubscriptionByAtMostTwoMinutes() {
        channel.keepFor(3761);
        channel.keepFor(3600);
        channel.keepFor(61);
        channel.keepFor(0);

        // whole minutes, rounded up, plus one for the final NOTIFY's transaction
        assertThat(expiresSet).containsExactly(64, 61, 3, 1);
    }

    @Test
    void closeInvalidatesTheApplicationSessionOnce() {
        channel.close();
        assertThat(invalidated).isTrue();

        invalidated = false;
        applicationValid = false;
        channel.close();
        channel.keepFor(600);
        assertThat(invalidated).as("already invalidated by the container").isFalse();
        assertThat(expiresSet).isEmpty();
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
            default -> null;
        });
    }

    private SipServletRequest request() {
        return stub(SipServletRequest.class, (method, args) -> {
            switch (method) {
                case "setHeader" -> notifyHeaders.put((String) args[0], args[1]);
                case "setContent" -> {
                    content = args[0];
                    notifyHeaders.put("Content-Type", args[1]);
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
