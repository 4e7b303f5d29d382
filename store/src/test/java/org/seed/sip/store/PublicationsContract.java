package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.seed.sip.store.presence.Publication;

/** Presence publications (RFC 3903): kept until removed or expired, newest first. Part of {@link StoreContractTest}. */
interface PublicationsContract {

    String DAVE = "sip:dave@example.com";
    String PIDF = "application/pidf+xml";

    Store store();

    private static Publication publication(String tag, String aor, Instant expiresAt, Instant updatedAt) {
        return new Publication(tag, aor, PIDF, "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"" + aor
                + "\"><note>" + tag + " é</note></presence>", expiresAt.truncatedTo(ChronoUnit.MICROS),
                updatedAt.truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    default void publicationReadsBackWithEveryFieldAndLivePublicationsComeNewestFirst() {
        Instant now = Instant.now();
        Publication older = publication("tag-older", DAVE, now.plusSeconds(600), now.minusSeconds(30));
        Publication newer = publication("tag-newer", DAVE, now.plusSeconds(60), now.minusSeconds(1));
        store().publications().add(older);
        store().publications().add(newer);
        store().publications().add(publication("tag-other", "sip:erin@example.com", now.plusSeconds(60), now));

        assertThat(store().publications().live(DAVE, now)).containsExactly(newer, older);
        assertThat(store().publications().find("tag-older", now)).contains(older);
        assertThat(store().publications().find("tag-unknown", now)).isEmpty();
    }

    @Test
    default void expiredPublicationsAreNotLiveAndArePurged() {
        Instant now = Instant.now();
        store().publications().add(publication("tag-gone", DAVE, now.minusSeconds(1), now.minusSeconds(100)));
        store().publications().add(publication("tag-expires-now", DAVE, now, now.minusSeconds(100)));
        Publication live = publication("tag-live", DAVE, now.plusSeconds(60), now.minusSeconds(100));
        store().publications().add(live);

        assertThat(store().publications().live(DAVE, now)).containsExactly(live);
        assertThat(store().publications().find("tag-gone", now)).isEmpty();
        assertThat(store().publications().purgeExpired(now)).extracting(Publication::entityTag)
                .containsExactlyInAnyOrder("tag-gone", "tag-expires-now");
        assertThat(store().publications().purgeExpired(now)).isEmpty();
        assertThat(store().publications().live(DAVE, now.minusSeconds(10))).containsExactly(live);
    }

    @Test
    default void replaceIssuesTheNewTagOnlyWhileTheOldOneLives() {
        Instant now = Instant.now();
        store().publications().add(publication("tag-1", DAVE, now.plusSeconds(60), now));
        Publication refreshed = publication("tag-2", DAVE, now.plusSeconds(3600), now);

        assertThat(store().publications().replace("tag-1", now, refreshed)).isTrue();
        assertThat(store().publications().replace("tag-1", now, publication("tag-3", DAVE, now.plusSeconds(60), now)))
                .isFalse();

        assertThat(store().publications().live(DAVE, now)).containsExactly(refreshed);
        store().publications().add(publication("tag-dead", DAVE, now.minusSeconds(1), now));
        assertThat(store().publications().replace("tag-dead", now, publication("tag-4", DAVE, now.plusSeconds(60), now)))
                .isFalse();
        assertThat(store().publications().find("tag-4", now)).isEmpty();
    }

    @Test
    default void removeDeletesOnlyALivePublication() {
        Instant now = Instant.now();
        store().publications().add(publication("tag-1", DAVE, now.plusSeconds(60), now));

        assertThat(store().publications().remove("sip:eve@example.com", "tag-1", now)).as("another's tag").isFalse();
        assertThat(store().publications().remove(DAVE, "tag-1", now)).isTrue();
        assertThat(store().publications().remove(DAVE, "tag-1", now)).isFalse();
        assertThat(store().publications().live(DAVE, now)).isEmpty();
    }

    @Test
    default void concurrentRefreshesOfOneTagLeaveOneWinner() throws Exception {
        Instant now = Instant.now();
        store().publications().add(publication("tag-raced", DAVE, now.plusSeconds(60), now));
        List<Boolean> won = new ArrayList<>();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> attempts = List.of(0, 1, 2, 3).stream().map(n -> threads.submit(() ->
                    store().publications().replace("tag-raced", now, publication("tag-r" + n, DAVE,
                            now.plusSeconds(60), now)))).toList();
            for (Future<Boolean> attempt : attempts) {
                won.add(attempt.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(won).containsOnlyOnce(true);
        assertThat(store().publications().live(DAVE, now)).extracting(Publication::entityTag)
                .hasSize(1).allSatisfy(tag -> assertThat(Set.of("tag-r0", "tag-r1", "tag-r2", "tag-r3")).contains(tag));
    }
}
