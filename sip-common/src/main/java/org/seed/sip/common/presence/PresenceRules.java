package org.seed.sip.common.presence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One presentity's authorization rules, as the console writes them and the store keeps them. Each entry
 * is a watcher's SIP URI ({@code sip:bob@example.com}) or {@code *@domain} for every watcher of a domain;
 * {@link WatcherRules} says what they grant. This value keeps only its shape sane (sizes, no white
 * space); {@link #firstProblem()} says whether every entry is one the rules can match.
 *
 * @param defaultRule what a watcher no entry names gets; null: the platform's default ({@link DefaultRule})
 * @param allow       watchers told the presentity's state
 * @param block       watchers refused ({@code 403})
 * @param politeBlock watchers told their subscription is active, who always see the presentity closed
 */
public record PresenceRules(WatcherGrant defaultRule, List<String> allow, List<String> block, List<String> politeBlock) {

    /** The most entries each list holds: a generous buddy list, and a bound on what one PUT may store. */
    public static final int MAX_ENTRIES = 200;
    /** The longest entry, in characters. */
    public static final int MAX_ENTRY_LENGTH = 255;

    /** The rules of a presentity that set none: no entries, the platform's default. */
    public static final PresenceRules NONE = new PresenceRules(null, List.of(), List.of(), List.of());

    /** @throws IllegalArgumentException naming the list that is out of shape */
    public PresenceRules {
        allow = checkedList("allow", allow);
        block = checkedList("block", block);
        politeBlock = checkedList("politeBlock", politeBlock);
    }

    private static List<String> checkedList(String field, List<String> entries) {
        List<String> copy = List.copyOf(Objects.requireNonNull(entries, field));
        if (copy.size() > MAX_ENTRIES) {
            throw new IllegalArgumentException(field + " holds at most " + MAX_ENTRIES + " entries");
        }
        for (String entry : copy) {
            // no white space: none belongs in a URI, and the store keeps a list one entry per line
            if (entry.isEmpty() || entry.length() > MAX_ENTRY_LENGTH || entry.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(field + " entries must be 1 to " + MAX_ENTRY_LENGTH
                        + " characters without white space");
            }
        }
        return copy;
    }

    /** The first entry, in the order allow, block, politeBlock, that is neither a SIP URI nor {@code *@domain}. */
    public Optional<EntryProblem> firstProblem() {
        return Stream.of(problems("allow", allow), problems("block", block), problems("politeBlock", politeBlock))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private static Optional<EntryProblem> problems(String field, List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i);
            Optional<String> reason = RuleEntry.problem(entry);
            if (reason.isPresent()) {
                return Optional.of(new EntryProblem(field, i, entry, reason.get()));
            }
        }
        return Optional.empty();
    }

    /**
     * An entry the rules cannot use.
     *
     * @param field  the list: {@code allow}, {@code block} or {@code politeBlock}
     * @param index  its place in the list, from 0
     * @param entry  the entry as given
     * @param reason what is wrong with it
     */
    public record EntryProblem(String field, int index, String entry, String reason) {

        /** {@code block[1] 'bob@example.com': ...}, for the operator. */
        public String message() {
            return field + "[" + index + "] '" + entry + "': " + reason;
        }
    }
}
