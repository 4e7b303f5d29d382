package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.UUID;

import javax.sip.header.ExpiresHeader;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;
import org.w3c.dom.Element;

/**
 * Reg event subscriptions live in the store: they hear of binding changes whichever application made them
 * (the console's removals, an account's deletion), and they survive a restart of the platform.
 *
 * <pre>
 *   watcher                          platform (registrar, console, store)            operator (HTTP)
 *     |--- SUBSCRIBE sip:alice reg --->|                                                   |
 *     |<-- 200, NOTIFY (full) ---------|<------------- DELETE /api/bindings?aor=alice ---|
 *     |<-- NOTIFY: contact deactivated |                                                   |
 *     |                                |<------------- DELETE /api/accounts/carol -------|
 *     |<-- NOTIFY terminated;reason=noresource, contact rejected                         |
 *     ~~~~~~~~~~~~~~~~~~~~~~~~~ platform restarted (SIGTERM, start) ~~~~~~~~~~~~~~~~~~~~~~~
 *     |                                |<-- REGISTER (alice's phone)                       |
 *     |<-- NOTIFY: contact registered -| rebuilt from the stored dialog                    |
 *     |--- SUBSCRIBE (in dialog) ----->|                                                   |
 *     |<-- 200, NOTIFY (full) ---------| in the refresh's session again                    |
 *     |--- SUBSCRIBE Expires: 0 ------>|                                                   |
 *     |<-- 200, NOTIFY terminated -----|                                                   |
 * </pre>
 */
class RegEventStoreIT extends PlatformTest {

    private static final String ALICE = "sip:alice@127.0.0.1";

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void bindingRemovedFromTheConsoleIsNotifiedAsDeactivated() throws InterruptedException {
        try (TestPhone phone = phone("alice"); TestPhone watcherPhone = phone("alice")) {
            register(phone, "alice", RunningPlatform.DEMO_PASSWORD);
            RegEventWatcher watcher = subscribed(watcherPhone, RunningPlatform.DEMO_PASSWORD, ALICE);
            assertThat(watcher.awaitNotify().contact(phone.contactUri())).isPresent();

            ConsoleClient console = new ConsoleClient(platform);
            HttpResponse<String> removed = console.send(
                    console.asAdmin("/api/bindings?aor=" + ConsoleClient.encode(ALICE)).DELETE());

            assertThat(removed.statusCode()).isEqualTo(204);
            ReginfoNotify change = watcher.awaitNotifyAbout(phone.contactUri());
            assertThat(change.documentState()).isEqualTo("partial");
            assertThat(change.subscriptionState()).isEqualTo("active");
            Element contact = change.contact(phone.contactUri()).orElseThrow();
            assertThat(contact.getAttribute("state")).isEqualTo("terminated");
            // RFC 3680 §5.1: removed by the operator; the phone may register again
            assertThat(contact.getAttribute("event")).isEqualTo("deactivated");
        }
    }

    @Test
    void deletedAccountRejectsItsContactsAndEndsTheSubscription() throws InterruptedException {
        String username = "carol" + UUID.randomUUID().toString().substring(0, 8);
        String aor = "sip:" + username + "@127.0.0.1";
        ConsoleClient console = new ConsoleClient(platform);
        HttpResponse<String> created = console.send(console.asAdmin("/api/accounts").header("Content-Type", "application/json")
                .POST(ConsoleClient.json("{\"username\":\"" + username + "\",\"password\":\"carol-secret\"}")));
        assertThat(created.statusCode()).isEqualTo(201);
        try (TestPhone phone = phone(username); TestPhone adminPhone = phone("admin")) {
            register(phone, username, "carol-secret");
            RegEventWatcher admin = subscribed(adminPhone, RunningPlatform.ADMIN_PASSWORD, aor);
            admin.awaitNotify();

            HttpResponse<String> deleted = console.send(console.asAdmin("/api/accounts/" + username + "@127.0.0.1").DELETE());

            assertThat(deleted.statusCode()).isEqualTo(204);
            ReginfoNotify last = admin.awaitNotifyAbout(phone.contactUri());
            assertThat(last.subscriptionState()).isEqualTo("terminated");
            assertThat(last.terminationReason()).isEqualTo("noresource");
            Element contact = last.contact(phone.contactUri()).orElseThrow();
            assertThat(contact.getAttribute("state")).isEqualTo("terminated");
            assertThat(contact.getAttribute("event")).isEqualTo("rejected");
        }
    }

    @Test
    void subscriptionSurvivesARestart() throws InterruptedException, SQLException {
        try (TestPhone watcherPhone = phone("alice")) {
            RegEventWatcher watcher = subscribed(watcherPhone, RunningPlatform.DEMO_PASSWORD, ALICE);
            ReginfoNotify first = watcher.awaitNotify();
            assertThat(Integer.parseInt(PlatformDatabase.column(platform,
                    "select count(*) from event_subscriptions where event_package = 'reg' and resource = ?", ALICE)
                    .get(0))).as("stored before any restart").isPositive();

            platform.restart();

            try (TestPhone phone = phone("alice")) {
                register(phone, "alice", RunningPlatform.DEMO_PASSWORD);
                ReginfoNotify change = watcher.awaitNotifyAbout(phone.contactUri());
                assertThat(change.documentState()).isEqualTo("partial");
                assertThat(change.version()).isEqualTo(first.version() + 1);
                assertThat(change.cseq()).as("the dialog's CSeq goes on").isEqualTo(first.cseq() + 1);
                assertThat(change.subscriptionState()).isEqualTo("active");
                assertThat(change.contact(phone.contactUri()).orElseThrow().getAttribute("event")).isEqualTo("registered");

                Response refreshed = watcher.refresh(600);

                assertThat(refreshed.getStatusCode()).isEqualTo(Response.OK);
                assertThat(((ExpiresHeader) refreshed.getHeader(ExpiresHeader.NAME)).getExpires()).isEqualTo(600);
                ReginfoNotify full = watcher.awaitNotify();
                assertThat(full.documentState()).isEqualTo("full");
                assertThat(full.version()).isEqualTo(first.version() + 2);
                assertThat(full.subscriptionExpires()).isBetween(590, 600);
                assertThat(full.contact(phone.contactUri())).isPresent();

                // the dialog goes on: its next SUBSCRIBE ends the subscription with a final NOTIFY
                assertThat(watcher.refresh(0).getStatusCode()).isEqualTo(Response.OK);
                ReginfoNotify last = watcher.awaitNotify();
                assertThat(last.subscriptionState()).isEqualTo("terminated");
                assertThat(last.version()).isEqualTo(first.version() + 3);
            }
        }
    }

    private TestPhone phone(String user) {
        return TestPhone.open(user, "127.0.0.1", platform.sipAddress());
    }

    private static void register(TestPhone phone, String user, String password) {
        assertThat(phone.sendAuthenticated(phone.register(600), password).getStatusCode())
                .as("REGISTER of " + user).isEqualTo(Response.OK);
    }

    private static RegEventWatcher subscribed(TestPhone watcherPhone, String password, String aor) {
        RegEventWatcher watcher = new RegEventWatcher(watcherPhone, password);
        assertThat(watcher.subscribe(aor, 600).getStatusCode()).as("SUBSCRIBE answer").isEqualTo(Response.OK);
        return watcher;
    }
}
