package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import javax.sip.header.AcceptHeader;
import javax.sip.header.AllowEventsHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;
import org.w3c.dom.Element;

/**
 * The reg event package (RFC 3680) of the registrar, deployed alone: a watcher subscribes to an AOR, gets
 * its full state, a partial state for every change of its bindings, and a final NOTIFY when the
 * subscription ends.
 *
 * <pre>
 *   watcher (alice)                     registrar-app                      alice's phone
 *     |--- SUBSCRIBE sip:alice Event: reg -->|                                    |
 *     |<-- 401, SUBSCRIBE + credentials ---->|                                    |
 *     |<-- 200 OK (Expires) -----------------|                                    |
 *     |<-- NOTIFY active, full, version 0 ---|                                    |
 *     |                                      |<-- REGISTER (Expires 300) ---------|
 *     |<-- NOTIFY partial: registered -------|--- 200 OK ------------------------>|
 *     |                                      |<-- REGISTER / Expires 0 / expiry --|
 *     |<-- NOTIFY partial: refreshed, unregistered, expired                       |
 *     |--- SUBSCRIBE (in dialog) Expires 0 ->|                                    |
 *     |<-- 200 OK, NOTIFY terminated --------|                                    |
 * </pre>
 */
class RegEventIT extends PlatformTest {

    private static final String ALICE = "sip:alice@127.0.0.1";
    /** What the registrar logs when a NOTIFY answered 481 ends a subscription. */
    private static final String ENDED_BY_481 = "ended: NOTIFY answered 481";

    /** Expired bindings purged every second, and durations short enough to watch them end. */
    @Deployment(testable = false)
    static Archive<?> registrarWithShortTimers() {
        return PlatformProperties.with(Deployments.registrarAlone(), Map.of(
                "registrar.purge.interval", "1",
                "registrar.expires.min", "1",
                "regevent.expires.min", "2"));
    }

    @Test
    void ownerGetsTheFullStateFirst() throws InterruptedException {
        try (TestPhone phone = phone("alice"); TestPhone watcherPhone = phone("alice")) {
            assertThat(register(phone, 300).getStatusCode()).isEqualTo(Response.OK);
            RegEventWatcher watcher = new RegEventWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);

            Response answer = watcher.subscribe(ALICE, 600);

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            assertThat(((ExpiresHeader) answer.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(600);
            ReginfoNotify first = watcher.awaitNotify();
            assertThat(first.eventType()).isEqualTo("reg");
            assertThat(first.contentType()).isEqualTo("application/reginfo+xml");
            assertThat(first.subscriptionState()).isEqualTo("active");
            assertThat(first.subscriptionExpires()).isBetween(590, 600);
            assertThat(first.version()).isZero();
            assertThat(first.documentState()).isEqualTo("full");
            assertThat(first.registration().getAttribute("aor")).isEqualTo(ALICE);
            assertThat(first.registration().getAttribute("state")).isEqualTo("active");
            Element contact = first.contact(phone.contactUri()).orElseThrow(
                    () -> new AssertionError(phone.contactUri() + " not in " + first));
            assertThat(contact.getAttribute("state")).isEqualTo("active");
            assertThat(contact.getAttribute("event")).isEqualTo("registered");
            assertThat(Long.parseLong(contact.getAttribute("expires"))).isBetween(290L, 300L);
        }
    }

    @Test
    void registrationIsNotifiedAsARegisteredContact() throws InterruptedException {
        try (TestPhone phone = phone("alice"); TestPhone watcherPhone = phone("alice")) {
            RegEventWatcher watcher = subscribedToAlice(watcherPhone);
            long initialVersion = watcher.awaitNotify().version();

            register(phone, 300);

            ReginfoNotify change = watcher.awaitNotifyAbout(phone.contactUri());
            assertThat(change.documentState()).isEqualTo("partial");
            assertThat(change.version()).isGreaterThan(initialVersion);
            assertThat(change.registration().getAttribute("state")).isEqualTo("active");
            Element contact = change.contact(phone.contactUri()).orElseThrow();
            assertThat(contact.getAttribute("state")).isEqualTo("active");
            // RFC 3680 §5.1: "registered" for a contact a REGISTER bound ("created" is for administrative action)
            assertThat(contact.getAttribute("event")).isEqualTo("registered");
        }
    }

    @Test
    void reRegistrationIsNotifiedAsRefreshed() throws InterruptedException {
        try (TestPhone phone = phone("alice"); TestPhone watcherPhone = phone("alice")) {
            RegEventWatcher watcher = subscribedToAlice(watcherPhone);
            watcher.awaitNotify();
            register(phone, 300);
            watcher.awaitNotifyAbout(phone.contactUri());

            register(phone, 300);

            Element contact = watcher.awaitNotifyAbout(phone.contactUri()).contact(phone.contactUri()).orElseThrow();
            assertThat(contact.getAttribute("state")).isEqualTo("active");
            assertThat(contact.getAttribute("event")).isEqualTo("refreshed");
        }
    }

    @Test
    void unregistrationIsNotifiedAsATerminatedContact() throws InterruptedException {
        try (TestPhone phone = phone("alice"); TestPhone watcherPhone = phone("alice")) {
            RegEventWatcher watcher = subscribedToAlice(watcherPhone);
            watcher.awaitNotify();
            register(phone, 300);
            watcher.awaitNotifyAbout(phone.contactUri());

            register(phone, 0);

            Element contact = watcher.awaitNotifyAbout(phone.contactUri()).contact(phone.contactUri()).orElseThrow();
            assertThat(contact.getAttribute("state")).isEqualTo("terminated");
            assertThat(contact.getAttribute("event")).isEqualTo("unregistered");
        }
    }

    @Test
    void expiredRegistrationIsNotifiedAsExpired() throws InterruptedException {
        try (TestPhone phone = phone("alice"); TestPhone watcherPhone = phone("alice")) {
            RegEventWatcher watcher = subscribedToAlice(watcherPhone);
            watcher.awaitNotify();
            register(phone, 2);
            watcher.awaitNotifyAbout(phone.contactUri());

            // the phone does not refresh: the purge timer (every second here) finds the binding expired
            Element contact = watcher.awaitNotifyAbout(phone.contactUri()).contact(phone.contactUri()).orElseThrow();
            assertThat(contact.getAttribute("state")).isEqualTo("terminated");
            assertThat(contact.getAttribute("event")).isEqualTo("expired");
        }
    }

    @Test
    void userMayNotWatchAnotherUser() {
        try (TestPhone bobPhone = phone("bob")) {
            Response answer = new RegEventWatcher(bobPhone, RunningPlatform.DEMO_PASSWORD).subscribe(ALICE, 600);

            assertThat(answer.getStatusCode()).isEqualTo(Response.FORBIDDEN);
        }
    }

    @Test
    void administratorMayWatchAUser() throws InterruptedException {
        try (TestPhone adminPhone = phone("admin")) {
            RegEventWatcher admin = new RegEventWatcher(adminPhone, RunningPlatform.ADMIN_PASSWORD);

            assertThat(admin.subscribe(ALICE, 600).getStatusCode()).isEqualTo(Response.OK);

            ReginfoNotify first = admin.awaitNotify();
            assertThat(first.documentState()).isEqualTo("full");
            assertThat(first.registration().getAttribute("aor")).isEqualTo(ALICE);
        }
    }

    @Test
    void unknownAddressIsNotFoundOnlyAfterAuthentication() {
        try (TestPhone adminPhone = phone("admin")) {
            String nobody = "sip:nobody@127.0.0.1";
            Request subscribe = adminPhone.request(Request.SUBSCRIBE, nobody, nobody);
            adminPhone.setHeader(subscribe, "Event", "reg");

            assertThat(adminPhone.send(subscribe).getStatusCode()).isEqualTo(Response.UNAUTHORIZED);
            assertThat(new RegEventWatcher(adminPhone, RunningPlatform.ADMIN_PASSWORD).subscribe(nobody, 600)
                    .getStatusCode()).isEqualTo(Response.NOT_FOUND);
        }
    }

    @Test
    void refreshSendsTheFullStateAgain() throws InterruptedException {
        try (TestPhone watcherPhone = phone("alice")) {
            RegEventWatcher watcher = subscribedToAlice(watcherPhone);
            long initialVersion = watcher.awaitNotify().version();

            Response answer = watcher.refresh(900);

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            assertThat(((ExpiresHeader) answer.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(900);
            ReginfoNotify notify = watcher.awaitNotify();
            assertThat(notify.documentState()).isEqualTo("full");
            assertThat(notify.version()).isEqualTo(initialVersion + 1);
            assertThat(notify.subscriptionState()).isEqualTo("active");
            assertThat(notify.subscriptionExpires()).isBetween(890, 900);
        }
    }

    @Test
    void unsubscribingEndsWithAFinalNotifyAndTheDialog() throws InterruptedException {
        try (TestPhone watcherPhone = phone("alice")) {
            RegEventWatcher watcher = subscribedToAlice(watcherPhone);
            long initialVersion = watcher.awaitNotify().version();

            Response answer = watcher.refresh(0);

            assertThat(answer.getStatusCode()).isEqualTo(Response.OK);
            ReginfoNotify last = watcher.awaitNotify();
            assertThat(last.subscriptionState()).isEqualTo("terminated");
            assertThat(last.terminationReason()).isEqualTo("timeout");
            assertThat(last.version()).isEqualTo(initialVersion + 1);
            watcher.awaitDialogReleased();
        }
    }

    @Test
    void subscriptionNotRefreshedEndsWithATimeoutNotify() throws InterruptedException {
        try (TestPhone watcherPhone = phone("alice")) {
            RegEventWatcher watcher = new RegEventWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
            assertThat(watcher.subscribe(ALICE, 2).getStatusCode()).isEqualTo(Response.OK);
            assertThat(watcher.awaitNotify().subscriptionState()).isEqualTo("active");

            ReginfoNotify last = watcher.awaitNotify();

            assertThat(last.subscriptionState()).isEqualTo("terminated");
            assertThat(last.terminationReason()).isEqualTo("timeout");
            watcher.awaitDialogReleased();
        }
    }

    @Test
    void notifyAnsweredWith481EndsTheSubscription() throws InterruptedException, IOException {
        try (TestPhone watcherPhone = phone("alice")) {
            long endedBefore = logLines(ENDED_BY_481);
            RegEventWatcher watcher = subscribedToAlice(watcherPhone);

            watcher.awaitNotify(notify -> true, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);

            // a refresh racing the 481 would renew the subscription: wait for the registrar to have ended it
            awaitLogLines(ENDED_BY_481, endedBefore + 1);
            watcher.awaitDialogReleased();
        }
    }

    @Test
    void watcherThatCannotReadReginfoIsRefused() {
        try (TestPhone watcherPhone = phone("alice")) {
            Request subscribe = watcherPhone.request(Request.SUBSCRIBE, ALICE, ALICE);
            watcherPhone.setHeader(subscribe, "Event", "reg");
            watcherPhone.setHeader(subscribe, "Accept", "text/plain");

            Response answer = watcherPhone.sendAuthenticated(subscribe, RunningPlatform.DEMO_PASSWORD);

            assertThat(answer.getStatusCode()).isEqualTo(Response.NOT_ACCEPTABLE);
            assertThat(((AcceptHeader) answer.getHeader(AcceptHeader.NAME)).getContentSubType())
                    .isEqualTo("reginfo+xml");
        }
    }

    @Test
    void tooBriefSubscriptionIsRefusedWithMinExpires() {
        try (TestPhone watcherPhone = phone("alice")) {
            Response answer = new RegEventWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD).subscribe(ALICE, 1);

            assertThat(answer.getStatusCode()).isEqualTo(Response.INTERVAL_TOO_BRIEF);
            assertThat(((MinExpiresHeader) answer.getHeader(MinExpiresHeader.NAME)).getExpires()).isEqualTo(2);
        }
    }

    @Test
    void eventPackageOtherThanRegIsABadEvent() {
        try (TestPhone watcherPhone = phone("alice")) {
            Request subscribe = watcherPhone.request(Request.SUBSCRIBE, ALICE, ALICE);
            watcherPhone.setHeader(subscribe, "Event", "reg.winfo");

            Response answer = watcherPhone.sendAuthenticated(subscribe, RunningPlatform.DEMO_PASSWORD);

            assertThat(answer.getStatusCode()).isEqualTo(Response.BAD_EVENT);
            assertThat(((AllowEventsHeader) answer.getHeader(AllowEventsHeader.NAME)).getEventType()).isEqualTo("reg");
        }
    }

    private TestPhone phone(String user) {
        return TestPhone.open(user, "127.0.0.1", platform.sipAddress());
    }

    private static Response register(TestPhone phone, int expires) {
        Response answer = phone.sendAuthenticated(phone.register(expires), RunningPlatform.DEMO_PASSWORD);
        assertThat(answer.getStatusCode()).as("REGISTER answer").isEqualTo(Response.OK);
        return answer;
    }

    private static RegEventWatcher subscribedToAlice(TestPhone watcherPhone) {
        RegEventWatcher watcher = new RegEventWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
        assertThat(watcher.subscribe(ALICE, 600).getStatusCode()).as("SUBSCRIBE answer").isEqualTo(Response.OK);
        return watcher;
    }

    private long logLines(String text) throws IOException {
        try (Stream<String> lines = Files.lines(platform.logFile())) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }

    /** Polls the platform's log until {@code count} lines contain {@code text}, for at most the NOTIFY timeout. */
    private void awaitLogLines(String text, long count) {
        Await.until(count + " log lines with \"" + text + "\"", RegEventWatcher.NOTIFY_TIMEOUT,
                () -> logLines(text) >= count);
    }
}
