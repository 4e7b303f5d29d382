package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.util.Map;

import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.WatcherInfoNotify.Watcher;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * Who may watch a presentity (RFC 3856 §6.6 with RFC 5025's allow, block, polite-block and pending), and the
 * presentity watching its watchers (RFC 3857 presence.winfo) to decide on the pending ones.
 * <pre>
 *   bob (watcher)                 platform                      presentity (its winfo subscription)
 *     |--- SUBSCRIBE presence ---->| rules: pending                          |
 *     |<-- 200, NOTIFY pending ----|--- NOTIFY winfo: bob pending ---------->|
 *     |                            |<-- PUT /api/.../presence-rules: allow --| (the console, for the user)
 *     |<-- NOTIFY active, PIDF ----|--- NOTIFY winfo: bob active approved -->|
 * </pre>
 */
class WatcherInfoIT extends PresenceTest {

    private static final String WINFO = "application/watcherinfo+xml";

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of("presence.notify.min.interval", "0"));
    }

    @Test
    void presentitySeesItsWatchersComeAndGo() throws InterruptedException {
        String user = presentity();
        try (TestPhone ownPhone = phone(user); TestPhone bobPhone = phone("bob")) {
            EventWatcher<WatcherInfoNotify> own = watchingItsWatchers(ownPhone, user);
            WatcherInfoNotify full = own.awaitNotify();
            assertThat(full.contentType()).isEqualTo(WINFO);
            assertThat(full.version()).isZero();
            assertThat(full.documentState()).isEqualTo("full");
            assertThat(full.watcherList()).isEqualTo(aor(user) + " presence");
            assertThat(full.watchers()).isEmpty();

            PresenceWatcher bob = new PresenceWatcher(bobPhone, RunningPlatform.DEMO_PASSWORD);
            assertThat(bob.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.OK);
            bob.awaitNotify();
            WatcherInfoNotify came = own.awaitNotify();
            assertThat(came.version()).isEqualTo(1);
            assertThat(came.documentState()).isEqualTo("partial");
            assertThat(came.watchers()).extracting(Watcher::uri, Watcher::status, Watcher::event)
                    .containsExactly(tuple(aor("bob"), "active", "subscribe"));

            bob.refresh(0);
            bob.awaitNotify();
            assertThat(own.awaitNotify().watchers()).extracting(Watcher::status, Watcher::event)
                    .containsExactly(tuple("terminated", "timeout"));
            assertThat(own.refresh(600).getStatusCode()).isEqualTo(Response.OK);
            assertThat(own.awaitNotify().watchers()).as("full state again, bob gone").isEmpty();
        }
    }

    @Test
    void onlyThePresentityMayWatchItsWatchers() {
        String user = presentity();
        try (TestPhone bobPhone = phone("bob")) {
            EventWatcher<WatcherInfoNotify> bob = new EventWatcher<>(bobPhone, RunningPlatform.DEMO_PASSWORD,
                    "presence.winfo", WINFO, WatcherInfoNotify::parse);

            assertThat(bob.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.FORBIDDEN);
        }
    }

    @Test
    void pendingWatcherSeesNothingUntilThePresentityAllowsIt() throws InterruptedException {
        String user = presentity();
        rules(user, "{\"default\":\"pending\"}");
        try (TestPhone ownPhone = phone(user); TestPhone bobPhone = phone("bob")) {
            EventWatcher<WatcherInfoNotify> own = watchingItsWatchers(ownPhone, user);
            own.awaitNotify();
            register(ownPhone, 300);

            PresenceWatcher bob = new PresenceWatcher(bobPhone, RunningPlatform.DEMO_PASSWORD);
            assertThat(bob.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.OK);
            PresenceNotify waiting = bob.awaitNotify();
            assertThat(waiting.subscriptionState()).isEqualTo("pending");
            assertThat(waiting.hasDocument()).isFalse();
            assertThat(waiting.contentType()).isNull();
            WatcherInfoNotify asked = own.awaitNotify();
            assertThat(asked.watchers()).extracting(Watcher::uri, Watcher::status)
                    .containsExactly(tuple(aor("bob"), "pending"));
            assertThat(watchers(user)).contains("\"status\":\"pending\"");

            rules(user, "{\"default\":\"pending\",\"allow\":[\"" + aor("bob") + "\"]}");

            PresenceNotify allowed = bob.awaitNotify();
            assertThat(allowed.subscriptionState()).isEqualTo("active");
            assertThat(allowed.basic()).isEqualTo("open");
            assertThat(own.awaitNotify().watchers()).extracting(Watcher::status, Watcher::event)
                    .containsExactly(tuple("active", "approved"));
            assertThat(watchers(user)).contains("\"status\":\"active\"");
        }
    }

    @Test
    void pendingWatcherThePresentityBlocksIsRejected() throws InterruptedException {
        String user = presentity();
        rules(user, "{\"default\":\"pending\"}");
        try (TestPhone bobPhone = phone("bob")) {
            PresenceWatcher bob = new PresenceWatcher(bobPhone, RunningPlatform.DEMO_PASSWORD);
            bob.subscribe(aor(user), 600);
            assertThat(bob.awaitNotify().subscriptionState()).isEqualTo("pending");

            rules(user, "{\"default\":\"pending\",\"block\":[\"" + aor("bob") + "\"]}");

            PresenceNotify rejected = bob.awaitNotify();
            assertThat(rejected.subscriptionState()).isEqualTo("terminated");
            assertThat(rejected.terminationReason()).isEqualTo("rejected");
            assertThat(rejected.hasDocument()).isFalse();
        }
    }

    @Test
    void blockedWatcherIsRefusedAndARunningOneEnded() throws InterruptedException {
        String user = presentity();
        try (TestPhone bobPhone = phone("bob"); TestPhone alicePhone = phone("alice")) {
            PresenceWatcher alice = new PresenceWatcher(alicePhone, RunningPlatform.DEMO_PASSWORD);
            alice.subscribe(aor(user), 600);
            assertThat(alice.awaitNotify().subscriptionState()).isEqualTo("active");

            rules(user, "{\"block\":[\"*@127.0.0.1\"]}");

            PresenceNotify ended = alice.awaitNotify();
            assertThat(ended.subscriptionState()).isEqualTo("terminated");
            assertThat(ended.terminationReason()).isEqualTo("rejected");
            PresenceWatcher bob = new PresenceWatcher(bobPhone, RunningPlatform.DEMO_PASSWORD);
            assertThat(bob.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.FORBIDDEN);
        }
    }

    @Test
    void politeBlockedWatcherIsToldActiveAndSeesThePresentityClosed() throws InterruptedException {
        String user = presentity();
        rules(user, "{\"politeBlock\":[\"" + aor("bob") + "\"]}");
        try (TestPhone ownPhone = phone(user); TestPhone bobPhone = phone("bob"); TestPhone alicePhone = phone("alice")) {
            register(ownPhone, 300);
            PresenceWatcher bob = new PresenceWatcher(bobPhone, RunningPlatform.DEMO_PASSWORD);
            PresenceWatcher alice = new PresenceWatcher(alicePhone, RunningPlatform.DEMO_PASSWORD);

            assertThat(bob.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.OK);
            assertThat(alice.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.OK);

            PresenceNotify seenByBob = bob.awaitNotify();
            assertThat(seenByBob.subscriptionState()).isEqualTo("active");
            assertThat(seenByBob.basic()).isEqualTo("closed");
            assertThat(alice.awaitNotify().basic()).isEqualTo("open");

            rules(user, "{}");
            assertThat(bob.awaitNotify().basic()).as("no longer blocked").isEqualTo("open");
        }
    }

    private EventWatcher<WatcherInfoNotify> watchingItsWatchers(TestPhone phone, String user) {
        EventWatcher<WatcherInfoNotify> own = new EventWatcher<>(phone, RunningPlatform.DEMO_PASSWORD,
                "presence.winfo", WINFO, WatcherInfoNotify::parse);
        assertThat(own.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.OK);
        return own;
    }

    private String watchers(String user) {
        HttpResponse<String> listed = console().send(console()
                .asAdmin("/api/accounts/" + ConsoleClient.encode(user + "@127.0.0.1") + "/watchers").GET());
        assertThat(listed.statusCode()).isEqualTo(200);
        return listed.body();
    }
}
