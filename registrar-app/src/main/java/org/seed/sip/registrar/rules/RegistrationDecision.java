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
     *
     * @param storedContact the contact URI of the stored binding this change refreshes or removes, as stored
     *                      (RFC 3261 §19.1.4 equal to the requested one, not necessarily the same text); null
     *                      when no binding has it yet
     */
    record BindingChange(RequestedContact contact, int expires, String storedContact) {

        public boolean isRemoval() {
            return expires == 0;
        }

        /**
         * The contact URI the binding is kept under: the stored one when there is one, so a refresh written
         * differently changes neither the binding's key nor its reg-event id; else the requested one.
         */
        public String boundContact() {
            return storedContact != null ? storedContact : contact.uri();
        }
    }
}
