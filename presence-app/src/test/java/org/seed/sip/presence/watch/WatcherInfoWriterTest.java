package org.seed.sip.presence.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.Test;
import org.seed.sip.common.event.Subscriber;
import org.seed.sip.common.event.SubscriptionDialog;
import org.seed.sip.common.event.SubscriptionRecord;
import org.seed.sip.common.event.TerminationReason;
import org.seed.sip.common.reach.Origin;
import org.seed.sip.common.xml.XmlBinding;
import org.seed.sip.presence.watch.winfo.Watcher;
import org.seed.sip.presence.watch.winfo.Watcherinfo;

/** Watcher information documents as the notifier writes them, checked against the schema of RFC 3858. */
class WatcherInfoWriterTest {

    private static final String ALICE = "sip:alice@example.com";
    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final WatcherInfoWriter writer = new WatcherInfoWriter(Clock.fixed(NOW, ZoneOffset.UTC));
    private final XmlBinding<Watcherinfo> xml = new XmlBinding<>(Watcherinfo.class, "watcherinfo");

    @Test
    void fullStateListsEveryWatcherWithItsStatusAndTimeLeft() throws Exception {
        byte[] document = writer.fullState(0, ALICE, List.of(subscription("s1", "bob", false),
                subscription("s2", "carol", true)));

        valid(document);
        Watcherinfo read = xml.read(document);
        assertThat(read.version()).isZero();
        assertThat(read.state()).isEqualTo("full");
        assertThat(read.watcherLists()).singleElement().satisfies(list -> {
            assertThat(list.resource()).isEqualTo(ALICE);
            assertThat(list.eventPackage()).isEqualTo("presence");
            assertThat(list.watchers()).extracting(Watcher::uri, Watcher::id, Watcher::status, Watcher::event,
                    Watcher::expiration).containsExactly(
                            tuple("sip:bob@example.com", "s1", "active", "subscribe", 600L),
                            tuple("sip:carol@example.com", "s2", "pending", "subscribe", 600L));
        });
    }

    @Test
    void partialStateTellsTheOneWatcherThatChanged() throws Exception {
        SubscriptionRecord carol = subscription("s2", "carol", false);

        byte[] approved = writer.partialState(3, ALICE, WatcherChange.authorizationChanged(carol), List.of(carol));
        byte[] rejected = writer.partialState(4, ALICE, WatcherChange.ended(carol, TerminationReason.REJECTED),
                List.of());

        valid(approved);
        valid(rejected);
        assertThat(xml.read(approved).state()).isEqualTo("partial");
        assertThat(xml.read(approved).watcherLists().get(0).watchers()).extracting(Watcher::status, Watcher::event)
                .containsExactly(tuple("active", "approved"));
        Watcher gone = xml.read(rejected).watcherLists().get(0).watchers().get(0);
        assertThat(gone.status()).isEqualTo("terminated");
        assertThat(gone.event()).isEqualTo("rejected");
        assertThat(gone.expiration()).isNull();
    }

    @Test
    void aWatcherNoNotifyCouldReachEndsAsTimedOut() {
        WatcherChange change = WatcherChange.ended(subscription("s1", "bob", false), null);

        assertThat(change.event()).isEqualTo("timeout");
    }

    private static void valid(byte[] document) throws Exception {
        Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(WatcherInfoWriterTest.class.getResource("/rfc3858/watcherinfo.xsd"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(document)));
    }

    private static SubscriptionRecord subscription(String id, String watcher, boolean pending) {
        return new SubscriptionRecord(id, "presence", ALICE, "presence",
                new SubscriptionDialog("call-" + id, "local", "remote", ALICE, "sip:" + watcher + "@example.com",
                        "sip:" + watcher + "@192.0.2.30", List.of()),
                new Subscriber(watcher, "example.com", false), new Origin("192.0.2.30", 5060, "udp"),
                NOW.plusSeconds(600), 0, 0, pending);
    }
}
