package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import javax.sip.header.AllowEventsHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * Watching a presentity (RFC 3856 over RFC 6665): the composed document at once, every change of it at the
 * pace of RFC 3856 §6.10, refresh, unsubscription, expiry, and the answers to SUBSCRIBEs that cannot be
 * served. Each test watches a presentity of its own, created through the console, with the platform's
 * default rules (users of our domains may watch each other).
 * <pre>
 *   bob (watcher)                    platform                         presentity's phone
 *     |--- SUBSCRIBE presence ------->|                                        |
 *     |<-- 200 (Expires) -------------|                                        |
 *     |<-- NOTIFY active, PIDF -------| closed: no binding, no publication     |
 *     |                               |<-------------------- REGISTER ---------|
 *     |<-- NOTIFY active, PIDF -------| open                                   |
 * </pre>
 */
class PresenceIT extends PresenceTest {

    /** Changes of one presentity are notified at most once per this many seconds. */
    private static final int INTERVAL = 2;

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of(
                "presence.notify.min.interval", Integer.toString(INTERVAL),
                "presence.subscribe.expires.min", "2"));
    }

    @Test
    void watcherIsToldAtOnceThenOfEachRegistrationChange() throws InterruptedException {
        String user = presentity();
        try (TestPhone watcherPhone = phone("bob"); TestPhone phone = phone(user)) {
            PresenceWatcher watcher = new PresenceWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
            Response answer = watcher.subscribe(aor(user), 600);
            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            assertThat(((ExpiresHeader) answer.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(600);

            PresenceNotify first = watcher.awaitNotify();
            assertThat(first.subscriptionState()).isEqualTo("active");
            assertThat(first.eventType()).isEqualTo("presence");
            assertThat(first.contentType()).isEqualTo("application/pidf+xml");
            assertThat(first.basic()).as("no binding, no publication").isEqualTo("closed");

            register(phone, 300);
            assertThat(watcher.awaitNotify().basic()).isEqualTo("open");
            register(phone, 0);
            assertThat(watcher.awaitNotify().basic()).isEqualTo("closed");
        }
    }

    @Test
    void reRegistrationTellsTheWatcherNothing() throws InterruptedException {
        String user = presentity();
        try (TestPhone watcherPhone = phone("bob"); TestPhone phone = phone(user)) {
            PresenceWatcher watcher = subscribed(watcherPhone, user);
            register(phone, 300);
            PresenceNotify open = watcher.awaitNotify();
            assertThat(open.basic()).isEqualTo("open");

            register(phone, 300);

            watcher.assertNoNotifyWithin(Duration.ofSeconds(INTERVAL + 1));
            register(phone, 0);
            PresenceNotify closed = watcher.awaitNotify();
            assertThat(closed.basic()).isEqualTo("closed");
            assertThat(closed.cseq()).as("nothing sent in between").isEqualTo(open.cseq() + 1);
        }
    }

    @Test
    void changesInsideTheIntervalAreNotifiedOnceWithTheLatestState() throws InterruptedException {
        String user = presentity();
        try (TestPhone watcherPhone = phone("bob"); TestPhone phone = phone(user)) {
            PresenceWatcher watcher = subscribed(watcherPhone, user);
            register(phone, 300);
            assertThat(watcher.awaitNotify().basic()).isEqualTo("open");
            Instant firstChange = Instant.now();

            register(phone, 0);
            register(phone, 300);
            register(phone, 0);

            PresenceNotify latest = watcher.awaitNotify();
            Duration held = Duration.between(firstChange, Instant.now());
            assertThat(latest.basic()).isEqualTo("closed");
            assertThat(held).as("held until the interval was over").isGreaterThan(Duration.ofMillis(INTERVAL * 1000 - 700));
            watcher.assertNoNotifyWithin(Duration.ofSeconds(INTERVAL + 1));
        }
    }

    @Test
    void refreshSendsTheWholeStateAgainAndUnsubscribingEndsIt() throws InterruptedException {
        String user = presentity();
        try (TestPhone watcherPhone = phone("bob")) {
            PresenceWatcher watcher = subscribed(watcherPhone, user);

            assertThat(watcher.refresh(300).getStatusCode()).isEqualTo(Response.OK);
            PresenceNotify refreshed = watcher.awaitNotify();
            assertThat(refreshed.subscriptionState()).isEqualTo("active");
            assertThat(refreshed.subscriptionExpires()).isBetween(290, 300);
            assertThat(refreshed.basic()).isEqualTo("closed");

            assertThat(watcher.refresh(0).getStatusCode()).isEqualTo(Response.OK);
            PresenceNotify last = watcher.awaitNotify();
            assertThat(last.subscriptionState()).isEqualTo("terminated");
            assertThat(last.terminationReason()).isEqualTo("timeout");
            watcher.awaitDialogReleased();
        }
    }

    @Test
    void subscriptionNotRefreshedEndsTimedOut() throws InterruptedException {
        String user = presentity();
        try (TestPhone watcherPhone = phone("bob")) {
            PresenceWatcher watcher = new PresenceWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
            assertThat(watcher.subscribe(aor(user), 2).getStatusCode()).isEqualTo(Response.OK);
            assertThat(watcher.awaitNotify().subscriptionState()).isEqualTo("active");

            PresenceNotify last = watcher.awaitNotify();

            assertThat(last.subscriptionState()).isEqualTo("terminated");
            assertThat(last.terminationReason()).isEqualTo("timeout");
        }
    }

    @Test
    void notifyAnswered481EndsTheSubscription() throws InterruptedException {
        String user = presentity();
        try (TestPhone watcherPhone = phone("bob"); TestPhone phone = phone(user)) {
            PresenceWatcher watcher = subscribed(watcherPhone, user);
            register(phone, 300);
            watcher.awaitNotify(notify -> true, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);

            register(phone, 0);

            watcher.assertNoNotifyWithin(Duration.ofSeconds(INTERVAL + 1));
            assertThat(watcher.refresh(300).getStatusCode()).isEqualTo(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        }
    }

    @Test
    void subscribeThatCannotBeServedGetsItsAnswer() {
        try (TestPhone watcherPhone = phone("bob")) {
            Response unknownEvent = subscribe(watcherPhone, aor("alice"), "presence.dialog", "application/pidf+xml");
            assertThat(unknownEvent.getStatusCode()).isEqualTo(Response.BAD_EVENT);
            assertThat(((AllowEventsHeader) unknownEvent.getHeader(AllowEventsHeader.NAME)).getEventType())
                    .contains("presence");

            Response notAcceptable = subscribe(watcherPhone, aor("alice"), "presence", "application/xpidf+xml");
            assertThat(notAcceptable.getStatusCode()).isEqualTo(Response.NOT_ACCEPTABLE);

            Response nobody = subscribe(watcherPhone, aor("nobody"), "presence", "application/pidf+xml");
            assertThat(nobody.getStatusCode()).isEqualTo(Response.NOT_FOUND);

            Response foreign = subscribe(watcherPhone, "sip:alice@example.org", "presence", "application/pidf+xml");
            assertThat(foreign.getStatusCode()).isEqualTo(Response.NOT_FOUND);
        }
    }

    @Test
    void subscribeWithoutCredentialsIsChallenged() {
        try (TestPhone watcherPhone = phone("bob")) {
            Request subscribe = watcherPhone.request(Request.SUBSCRIBE, aor("alice"), aor("alice"));
            watcherPhone.setHeader(subscribe, "Contact", "<" + watcherPhone.contactUri() + ">");
            watcherPhone.setHeader(subscribe, "Event", "presence");

            Response challenge = watcherPhone.send(subscribe);

            assertThat(challenge.getStatusCode()).isEqualTo(Response.PROXY_AUTHENTICATION_REQUIRED);
            assertThat(challenge.getHeader("Proxy-Authenticate")).isNotNull();
        }
    }

    private static Response subscribe(TestPhone phone, String target, String event, String accept) {
        Request subscribe = phone.request(Request.SUBSCRIBE, target, target);
        phone.setHeader(subscribe, "Contact", "<" + phone.contactUri() + ">");
        phone.setHeader(subscribe, "Event", event);
        phone.setHeader(subscribe, "Accept", accept);
        return phone.sendAuthenticated(subscribe, RunningPlatform.DEMO_PASSWORD);
    }

    private PresenceWatcher subscribed(TestPhone watcherPhone, String user) throws InterruptedException {
        PresenceWatcher watcher = new PresenceWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
        assertThat(watcher.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.OK);
        assertThat(watcher.awaitNotify().basic()).as("first NOTIFY").isEqualTo("closed");
        return watcher;
    }
}
