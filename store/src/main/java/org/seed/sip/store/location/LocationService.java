package org.seed.sip.store.location;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.seed.sip.store.binding.Binding;
import org.seed.sip.store.binding.BindingRepository;

/**
 * The read side of registrations, for every application that routes to a user: the reachable contacts of
 * an AOR, most preferred first, expired ones never included.
 */
public final class LocationService {

    private final BindingRepository bindings;
    private final Clock clock;

    public LocationService(BindingRepository bindings, Clock clock) {
        this.bindings = bindings;
        this.clock = clock;
    }

    /** The contacts {@code aor} (normalised, {@code sip:user@domain}) is reachable at, by q then recency. */
    public List<Location> lookup(String aor) {
        Instant now = clock.instant();
        return bindings.current(aor, now).stream().map(binding -> location(binding, now)).toList();
    }

    private static Location location(Binding binding, Instant now) {
        return new Location(binding.getContactUri(), binding.effectiveQ(), path(binding.getPath()),
                new Location.Received(binding.getSourceAddress(), binding.getSourcePort(), binding.getTransport()),
                binding.getInstanceId(), binding.getRegId(),
                binding.secondsLeftAt(now));
    }

    /** Splits the stored Path at the commas between its values, not at those inside {@code <...>} or quotes. */
    static List<String> path(String joined) {
        List<String> values = new ArrayList<>();
        if (joined == null) {
            return values;
        }
        StringBuilder value = new StringBuilder();
        boolean inAngles = false;
        boolean inQuotes = false;
        for (char c : joined.toCharArray()) {
            if (c == ',' && !inAngles && !inQuotes) {
                values.add(value.toString().trim());
                value.setLength(0);
                continue;
            }
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (!inQuotes && (c == '<' || c == '>')) {
                inAngles = c == '<';
            }
            value.append(c);
        }
        values.add(value.toString().trim());
        return values;
    }
}
