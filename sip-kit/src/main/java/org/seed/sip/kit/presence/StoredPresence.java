package org.seed.sip.kit.presence;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.seed.sip.common.pidf.InvalidPidfException;
import org.seed.sip.common.pidf.PidfXml;
import org.seed.sip.common.pidf.Presence;
import org.seed.sip.common.pidf.PresenceComposition;
import org.seed.sip.store.Store;
import org.seed.sip.store.binding.BindingRepository;
import org.seed.sip.store.presence.Publication;
import org.seed.sip.store.presence.PublicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The presence of our users as the store says it: their live publications composed
 * ({@link PresenceComposition}), or, without any, their registration (open while they have a binding). Read
 * and composed on every call, never cached, so the presence server and the console say the same. The
 * document's entity is the presentity's {@code sip:} AOR: the URI phones publish under and subscribe to
 * (RFC 3863 §4.1.1 allows it beside {@code pres:}), so a watcher finds the address it asked about.
 */
public final class StoredPresence implements CurrentPresence {

    private static final Logger LOG = LoggerFactory.getLogger(StoredPresence.class);

    private final PublicationRepository publications;
    private final BindingRepository bindings;
    private final Clock clock;
    private final PidfXml xml = new PidfXml();

    public StoredPresence(PublicationRepository publications, BindingRepository bindings, Clock clock) {
        this.publications = publications;
        this.bindings = bindings;
        this.clock = clock;
    }

    public static StoredPresence of(Store store) {
        return new StoredPresence(store.publications(), store.bindings(), Clock.systemUTC());
    }

    @Override
    public ComposedPresence of(String aor) {
        Instant now = clock.instant();
        List<Presence> published = new ArrayList<>();
        for (Publication publication : publications.live(aor, now)) {
            try {
                published.add(xml.read(publication.body().getBytes(StandardCharsets.UTF_8)));
            } catch (InvalidPidfException e) {
                // validated when published; a document the schemas refuse now is left out, not fatal
                LOG.warn("publication {} of {} left out of its presence: {}", publication.entityTag(), aor,
                        e.getMessage());
            }
        }
        boolean registered = published.isEmpty() && !bindings.current(aor, now).isEmpty();
        return composed(aor, PresenceComposition.compose(aor, published, registered));
    }

    @Override
    public ComposedPresence politeBlocked(String aor) {
        return composed(aor, PresenceComposition.ofRegistration(aor, false));
    }

    private ComposedPresence composed(String aor, Presence document) {
        return new ComposedPresence(aor, xml.write(document), document.basic().word());
    }
}
