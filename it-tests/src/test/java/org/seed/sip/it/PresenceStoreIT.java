package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.Map;

import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.PlatformProperties;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * Presence subscriptions live in the store (stored before the SUBSCRIBE's 200 leaves, so a restart right
 * after it loses nothing) and survive a restart of the platform: the watcher is told the
 * next change in the dialog it has, its next refresh is answered (no 481), and one still waiting for the
 * presentity's decision is still waiting, and told once it is taken.
 */
class PresenceStoreIT extends PresenceTest {

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return PlatformProperties.with(Deployments.platformEar(), Map.of("presence.notify.min.interval", "0"));
    }

    @Test
    void subscriptionSurvivesARestart() throws InterruptedException, SQLException {
        String user = presentity();
        try (TestPhone watcherPhone = phone("bob")) {
            PresenceWatcher watcher = new PresenceWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
            assertThat(watcher.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.OK);
            assertThat(stored(user)).as("stored before its 200 left").isEqualTo(1);
            PresenceNotify first = watcher.awaitNotify();

            platform.restart();

            try (TestPhone phone = phone(user)) {
                register(phone, 300);
                PresenceNotify change = watcher.awaitNotify();
                assertThat(change.basic()).isEqualTo("open");
                assertThat(change.cseq()).as("the dialog's CSeq goes on").isEqualTo(first.cseq() + 1);

                assertThat(watcher.refresh(600).getStatusCode()).isEqualTo(Response.OK);
                assertThat(watcher.awaitNotify().basic()).isEqualTo("open");
                assertThat(watcher.refresh(0).getStatusCode()).isEqualTo(Response.OK);
                assertThat(watcher.awaitNotify().subscriptionState()).isEqualTo("terminated");
            }
        }
    }

    @Test
    void pendingSubscriptionStillWaitsAfterARestart() throws InterruptedException, SQLException {
        String user = presentity();
        rules(user, "{\"default\":\"pending\"}");
        try (TestPhone watcherPhone = phone("bob")) {
            PresenceWatcher watcher = new PresenceWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
            assertThat(watcher.subscribe(aor(user), 600).getStatusCode()).isEqualTo(Response.OK);
            assertThat(watcher.awaitNotify().subscriptionState()).isEqualTo("pending");

            platform.restart();

            assertThat(watcher.refresh(600).getStatusCode()).isEqualTo(Response.OK);
            PresenceNotify stillWaiting = watcher.awaitNotify();
            assertThat(stillWaiting.subscriptionState()).isEqualTo("pending");
            assertThat(stillWaiting.hasDocument()).isFalse();
            rules(user, "{\"allow\":[\"" + aor("bob") + "\"]}");
            PresenceNotify allowed = watcher.awaitNotify();
            assertThat(allowed.subscriptionState()).isEqualTo("active");
            assertThat(allowed.basic()).isEqualTo("closed");
        }
    }

    private int stored(String user) throws SQLException {
        return Integer.parseInt(PlatformDatabase.column(platform,
                "select count(*) from event_subscriptions where event_package = 'presence' and resource = ?",
                aor(user)).get(0));
    }
}
