package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.im.OfflineMessage;
import org.seed.sip.store.im.OfflineMessageRepository;

/** Instant messages kept for offline users: in order, bounded, expiring, gone with the account. Part of {@link StoreContractTest}. */
interface OfflineMessagesContract {

    AddressOfRecord DAVE = new AddressOfRecord("dave", "example.com");

    Store store();

    private OfflineMessageRepository withDave() {
        store().accounts().create("dave", "example.com", null, "dave-secret".toCharArray(), false);
        return store().offlineMessages();
    }

    private static OfflineMessage message(String text, Instant receivedAt, long ttlSeconds) {
        return new OfflineMessage(0, DAVE.toString(), "\"Bob\" <sip:bob@example.org>", "<sip:dave@example.com>",
                "text/plain;charset=UTF-8", text.getBytes(StandardCharsets.UTF_8), receivedAt,
                receivedAt.plusSeconds(ttlSeconds));
    }

    private static Instant now() {
        // TIMESTAMP columns keep microseconds on PostgreSQL
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Test
    default void keptMessagesReadBackInArrivalOrderWithEveryFieldAndEveryByte() {
        OfflineMessageRepository messages = withDave();
        Instant now = now();
        byte[] binary = {0, (byte) 0xff, '\r', '\n', 42};
        OfflineMessage cpim = new OfflineMessage(0, DAVE.toString(), "<sip:carol@example.net>", "<sip:dave@example.com>",
                "message/cpim", binary, now.plusMillis(1), now.plusSeconds(60));

        long first = ((OfflineMessageRepository.Stored) messages.keep(DAVE, message("one", now, 60), 10)).id();
        long second = ((OfflineMessageRepository.Stored) messages.keep(DAVE, cpim, 10)).id();

        List<OfflineMessage> waiting = messages.waiting(DAVE.toString(), now);
        assertThat(waiting).extracting(OfflineMessage::id).containsExactly(first, second);
        assertThat(waiting.get(0)).isEqualTo(new OfflineMessage(first, DAVE.toString(), "\"Bob\" <sip:bob@example.org>",
                "<sip:dave@example.com>", "text/plain;charset=UTF-8", "one".getBytes(StandardCharsets.UTF_8), now,
                now.plusSeconds(60)));
        assertThat(waiting.get(1).body()).containsExactly(binary);
        assertThat(messages.recipients(now)).containsExactly(DAVE.toString());
        assertThat(messages.anyWaiting(DAVE.toString(), now)).isTrue();
        assertThat(messages.anyWaiting("sip:erin@example.com", now)).isFalse();
    }

    @Test
    default void aRecipientWithMaxMessagesWaitingGetsNoMore() {
        OfflineMessageRepository messages = withDave();
        Instant now = now();
        messages.keep(DAVE, message("one", now, 60), 2);
        messages.keep(DAVE, message("two", now, 60), 2);

        assertThat(messages.keep(DAVE, message("three", now, 60), 2)).isEqualTo(new OfflineMessageRepository.Full(2));
        assertThat(messages.waiting(DAVE.toString(), now)).hasSize(2);
    }

    @Test
    default void aMessageForNoAccountIsNotKept() {
        assertThat(store().offlineMessages().keep(DAVE, message("one", now(), 60), 10))
                .isEqualTo(new OfflineMessageRepository.NoAccount());
    }

    @Test
    default void deletedAndExpiredMessagesAreGoneAndDoNotCountTowardsTheBound() {
        OfflineMessageRepository messages = withDave();
        Instant now = now();
        long delivered = ((OfflineMessageRepository.Stored) messages.keep(DAVE, message("delivered", now, 60), 2)).id();
        messages.keep(DAVE, message("stale", now.minusSeconds(120), 60), 2);

        assertThat(messages.delete(delivered)).isTrue();
        assertThat(messages.delete(delivered)).as("deleted twice").isFalse();
        assertThat(messages.waiting(DAVE.toString(), now)).isEmpty();
        assertThat(messages.recipients(now)).isEmpty();
        assertThat(messages.anyWaiting(DAVE.toString(), now)).as("an expired one does not wait").isFalse();
        assertThat(messages.keep(DAVE, message("new", now, 60), 1)).isInstanceOf(OfflineMessageRepository.Stored.class);
        assertThat(messages.purgeExpired(now)).isEqualTo(1);
        assertThat(messages.waiting(DAVE.toString(), now)).extracting(m -> new String(m.body(), StandardCharsets.UTF_8))
                .containsExactly("new");
    }

    @Test
    default void deletingTheAccountDeletesItsMessages() {
        withDave().keep(DAVE, message("one", now(), 60), 10);

        store().accounts().delete("dave", "example.com");
        withDave();

        assertThat(store().offlineMessages().waiting(DAVE.toString(), now())).isEmpty();
    }
}
