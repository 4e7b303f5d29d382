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

    /** Apply {@code changes} (possibly none, for a query) then answer 200 with the AOR's bindings. */
    record Apply(boolean removeAll, List<BindingChange> changes) implements RegistrationDecision {

        public Apply {
            changes = List.copyOf(changes);
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
