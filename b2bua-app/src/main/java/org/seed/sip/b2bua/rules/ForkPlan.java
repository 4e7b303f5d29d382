package org.seed.sip.b2bua.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The order in which a callee's contacts are rung (RFC 3261 §16.6, the "q-value" forking of §16.1 and
 * RFC 3261 §20.10): the highest q first; contacts of equal q in parallel; each lower q only after the higher
 * ones failed or rang for the serial timeout. Contacts of equal q keep the order they came in (the location
 * service gives the most recent registration first).
 *
 * @param <T> a target: a registered contact, or a Contact named by a redirect
 */
public final class ForkPlan<T> {

    private final Deque<List<T>> groups;

    private ForkPlan(Deque<List<T>> groups) {
        this.groups = groups;
    }

    public static <T> ForkPlan<T> of(Collection<T> targets, ToDoubleFunction<T> q) {
        List<T> sorted = new ArrayList<>(targets);
        sorted.sort(Comparator.comparingDouble(q).reversed());
        Deque<List<T>> groups = new ArrayDeque<>();
        List<T> group = new ArrayList<>();
        double groupQ = Double.NaN;
        for (T target : sorted) {
            double targetQ = q.applyAsDouble(target);
            if (!group.isEmpty() && Double.compare(targetQ, groupQ) != 0) {
                groups.add(List.copyOf(group));
                group = new ArrayList<>();
            }
            group.add(target);
            groupQ = targetQ;
        }
        if (!group.isEmpty()) {
            groups.add(List.copyOf(group));
        }
        return new ForkPlan<>(groups);
    }

    /** The next targets to ring at once, or empty when every group has been tried. */
    public synchronized Optional<List<T>> next() {
        return Optional.ofNullable(groups.poll());
    }

    /** Whether a lower q is still waiting: the current group then rings only for the serial timeout. */
    public synchronized boolean hasMore() {
        return !groups.isEmpty();
    }

    /** Targets learnt later (a redirect's Contacts) join ahead of the groups not yet tried, in their own q order. */
    public synchronized void prepend(Collection<T> targets, ToDoubleFunction<T> q) {
        ForkPlan<T> added = of(targets, q);
        List<List<T>> ordered = new ArrayList<>(added.groups);
        for (int i = ordered.size() - 1; i >= 0; i--) {
            groups.addFirst(ordered.get(i));
        }
    }
}
