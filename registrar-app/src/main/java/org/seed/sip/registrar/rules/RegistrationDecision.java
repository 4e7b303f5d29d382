package org.seed.sip.registrar.rules;

import java.util.List;
import java.util.Map;

/** What the registrar does with a REGISTER: refuse it, or apply binding changes and list the result. */
public sealed interface RegistrationDecision {

    /** Refuse with {@code status}; {@code headers} carry what the phone needs to retry (Min-Expires...). */
    record Reject(int status, String reason, Map<String, String> headers) implements RegistrationDecision {

        public Reject {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Apply the changes, then answer 200 with the AOR's bindings.
     *
     * @param changes  contacts to add, refresh or remove, as the REGISTER asked
     * @param replaced contacts of stored bindings this REGISTER supersedes (the whole AOR for
     *                 {@code Contact: *}, an older flow of the same RFC 5626 instance)
     */
    record Apply(List<BindingChange> changes, List<String> replaced) implements RegistrationDecision {

        public Apply {
            changes = List.copyOf(changes);
            replaced = List.copyOf(replaced);
        }
    }

    /**
     * One contact to add, refresh ({@code expires > 0}) or remove ({@code expires == 0}).
     */
    record BindingChange(RequestedContact contact, int expires) {

        public boolean isRemoval() {
            return expires == 0;
        }
    }
}
