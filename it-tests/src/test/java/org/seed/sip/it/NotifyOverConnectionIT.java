package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

import javax.sip.ListeningPoint;
import javax.sip.message.Response;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.net.FreePorts;
import org.seed.sip.it.phone.TestPhone;

/**
 * NOTIFYs reach a subscriber that subscribed over TCP or TLS over the connection its SUBSCRIBE came on (RFC
 * 5626 §3.1): the watcher's Contact names a port where nothing listens, as the Contact of a phone behind NAT
 * names an address nobody can connect to, so a NOTIFY can only arrive over that connection.
 *
 * <pre>
 *   watcher (TCP/TLS, Contact: 127.0.0.1:DEAD)          registrar-app
 *     |=== connection from an ephemeral port ==========>|
 *     |--- SUBSCRIBE sip:alice Event: reg -------------->|  origin: 127.0.0.1:EPHEMERAL/TCP
 *     |<-- 401 / SUBSCRIBE + credentials / 200 OK -------|
 *     |<-- NOTIFY full (same connection, no Route) ------|  not to 127.0.0.1:DEAD
 *     |                                   alice registers|
 *     |<-- NOTIFY partial (same connection) -------------|
 *     ~~~~ platform restarted: the connection is gone; a watcher whose Contact listens ~~~~
 *     |<== NOTIFY partial over a new TCP connection to its Contact (the fallback) ==|
 * </pre>
 */
class NotifyOverConnectionIT extends PlatformTest {

    private static final String ALICE = "sip:alice@127.0.0.1";

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void tcpWatcherGetsItsNotifiesOverItsConnection() throws InterruptedException {
        try (TestPhone watcherPhone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress(), ListeningPoint.TCP);
             TestPhone phone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            RegEventWatcher watcher = subscribedWithUnreachableContact(watcherPhone, "tcp");

            ReginfoNotify first = watcher.awaitNotify();
            assertThat(first.documentState()).isEqualTo("full");
            assertThat(first.has("Route")).as("the flow is a next hop, not a Route on the wire").isFalse();

            register(phone);
            ReginfoNotify change = watcher.awaitNotifyAbout(phone.contactUri());
            assertThat(change.documentState()).isEqualTo("partial");

            // a refresh in the dialog: its NOTIFY takes the connection of the refresh
            assertThat(watcher.refresh(600).getStatusCode()).isEqualTo(Response.OK);
            assertThat(watcher.awaitNotify().documentState()).isEqualTo("full");
        }
    }

    @Test
    void tlsWatcherGetsItsNotifiesOverItsConnection() throws InterruptedException {
        try (TestPhone watcherPhone = TestPhone.openTls("alice", "127.0.0.1", platform.sipsAddress(),
                platform.tlsCertificate());
             TestPhone phone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
            RegEventWatcher watcher = subscribedWithUnreachableContact(watcherPhone, "tls");

            ReginfoNotify first = watcher.awaitNotify();
            assertThat(first.subscriptionState()).isEqualTo("active");
            assertThat(first.documentState()).isEqualTo("full");

            register(phone);
            assertThat(watcher.awaitNotifyAbout(phone.contactUri()).documentState()).isEqualTo("partial");
        }
    }

    /**
     * After a restart the SUBSCRIBE's connection is closed: the NOTIFY of the stored dialog goes to the
     * watcher's Contact over the transport it subscribed with, although its Contact names none (which would
     * mean UDP); the Contact is a plain socket of the test, which must get one connection carrying the NOTIFY
     * (JAIN-SIP alone would open two and sometimes write nothing, docs/design-notes.md "NOTIFYs over the
     * subscriber's connection"). Then the watcher refreshes over a new connection, and the NOTIFYs take it.
     */
    @Test
    void afterARestartTheNotifyGoesToTheContactOverTheSameTransportThenToTheRefreshsConnection() throws Exception {
        try (TestPhone watcherPhone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress(), ListeningPoint.TCP);
             ServerSocket contact = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RegEventWatcher watcher = new RegEventWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
            String contactWithoutTransport = "sip:alice@127.0.0.1:" + contact.getLocalPort();
            assertThat(watcher.subscribe(ALICE, 600, contactWithoutTransport).getStatusCode()).isEqualTo(Response.OK);
            // the first NOTIFY went over the SUBSCRIBE's connection: the notifier stores its CSeq once sent
            ReginfoNotify first = watcher.awaitNotify();
            Await.until("first NOTIFY's CSeq stored", RegEventWatcher.NOTIFY_TIMEOUT, () -> !PlatformDatabase.column(
                    platform, "select id from event_subscriptions where remote_target = ? and local_cseq = ?",
                    contactWithoutTransport, first.cseq()).isEmpty());

            platform.restart();

            try (TestPhone phone = TestPhone.open("alice", "127.0.0.1", platform.sipAddress())) {
                register(phone);
                contact.setSoTimeout((int) RegEventWatcher.NOTIFY_TIMEOUT.toMillis());
                try (Socket connection = contact.accept()) {
                    connection.setSoTimeout((int) RegEventWatcher.NOTIFY_TIMEOUT.toMillis());
                    assertThat(head(connection)).startsWith("NOTIFY " + contactWithoutTransport + " SIP/2.0\r\n")
                            .contains("\r\nVia: SIP/2.0/TCP ")
                            .contains("\r\nCSeq: " + (first.cseq() + 1) + " NOTIFY\r\n")
                            .doesNotContain("\r\nRoute:");
                }

                Response refreshed = watcher.refresh(600);

                assertThat(refreshed.getStatusCode()).isEqualTo(Response.OK);
                ReginfoNotify full = watcher.awaitNotify(notify -> "full".equals(notify.documentState()), Response.OK);
                assertThat(full.contact(phone.contactUri())).isPresent();
                assertThat(full.has("Route")).isFalse();
            }
        }
    }

    /** The request line and headers of the first message on {@code connection}, up to the empty line. */
    private static String head(Socket connection) throws IOException {
        StringBuilder head = new StringBuilder();
        InputStream in = connection.getInputStream();
        while (head.indexOf("\r\n\r\n") < 0) {
            int octet = in.read();
            if (octet < 0) {
                throw new AssertionError("connection closed after " + head.length() + " octets: " + head);
            }
            head.append((char) octet);
        }
        return head.toString();
    }

    /** Subscribed to alice with a Contact on a port where nothing listens, over {@code transport}. */
    private static RegEventWatcher subscribedWithUnreachableContact(TestPhone watcherPhone, String transport) {
        RegEventWatcher watcher = new RegEventWatcher(watcherPhone, RunningPlatform.DEMO_PASSWORD);
        String unreachable = "sip:alice@127.0.0.1:" + FreePorts.tcp() + ";transport=" + transport;
        Response answer = watcher.subscribe(ALICE, 600, unreachable);
        assertThat(answer.getStatusCode()).as("SUBSCRIBE answer").isEqualTo(Response.OK);
        return watcher;
    }

    private static void register(TestPhone phone) {
        assertThat(phone.sendAuthenticated(phone.register(600), RunningPlatform.DEMO_PASSWORD).getStatusCode())
                .as("REGISTER").isEqualTo(Response.OK);
    }
}
