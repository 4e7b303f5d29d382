package org.seed.sip.store.binding;

import java.util.List;

/**
 * What one registration does to an AOR's bindings, decided from the bindings stored before it.
 *
 * @param saves     bindings to insert, or to update where the AOR already has the same contact
 * @param removals  contact URIs whose bindings are removed
 * @param removeAll true to remove every binding of the AOR first
 * @param result    what the decision returns to its caller (a refusal, a summary...)
 * @param <R>       the type of {@code result}
 */
public record BindingChanges<R>(List<Binding> saves, List<String> removals, boolean removeAll, R result) {

    public BindingChanges {
        saves = List.copyOf(saves);
        removals = List.copyOf(removals);
    }

    /** No change at all, only a result (a refusal, or a query). */
    public static <R> BindingChanges<R> none(R result) {
        return new BindingChanges<>(List.of(), List.of(), false, result);
    }
}
