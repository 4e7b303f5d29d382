package org.seed.sip.b2bua.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.sip.address.SipURI;

import org.seed.sip.common.sip.DomainAdmission;
import org.seed.sip.b2bua.rules.Forwarding;
import org.seed.sip.common.reach.Reach;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.common.sip.SipUris;
import org.seed.sip.store.account.Account;
import org.seed.sip.store.account.AccountRepository;
import org.seed.sip.store.location.Location;
import org.seed.sip.store.location.LocationService;
import org.seed.sip.store.preferences.CallPreferences;
import org.seed.sip.store.preferences.CallPreferencesRepository;
import org.seed.sip.store.preferences.ForwardMode;

/**
 * Where a call goes: to the registered contacts of a user of ours (the location service) as the user's
 * preferences say, following forwardings through other users of ours up to {@code maxForwards} and never
 * twice through one (482); or, for a foreign callee, to the dialled URI itself. Unknown and disabled users
 * alike are "not found": nothing tells a caller which accounts exist but cannot be called, and no 3xx ever
 * names a target for them. Preferences are read for every call, so a change applies to the next one on
 * every node.
 */
public final class CallRouter {

    private final AccountRepository accounts;
    private final LocationService locations;
    private final CallPreferencesRepository preferences;
    private final DomainAdmission admission;
    private final int maxForwards;

    public CallRouter(AccountRepository accounts, LocationService locations, CallPreferencesRepository preferences,
            DomainAdmission admission, int maxForwards) {
        this.accounts = accounts;
        this.locations = locations;
        this.preferences = preferences;
        this.admission = admission;
        this.maxForwards = maxForwards;
    }

    /** A call from {@code caller} to {@code callee}, a user of one of our domains. */
    public Routing toUser(AddressOfRecord callee, String caller) {
        return toUser(callee, caller, List.of(), null);
    }

    /**
     * Where a forwarding of the call already rung through {@code chain} goes: to a user of ours by that user's
     * preferences again, or out to a foreign URI (the callee's own choice, so whatever
     * {@code b2bua.outbound.calls} says).
     */
    public Routing forward(String target, String caller, List<String> chain) {
        Optional<AddressOfRecord> ours = ourUser(target);
        if (ours.isEmpty()) {
            return new Routing.Ring(List.of(contact(target)), target, Optional.empty(), Optional.empty(), chain);
        }
        if (chain.contains(ours.get().toString())) {
            return new Routing.Refuse(482, "Loop Detected");
        }
        if (chain.size() > maxForwards) {
            return new Routing.Refuse(483, "Too Many Hops");
        }
        return toUser(ours.get(), caller, chain, target);
    }

    private Routing toUser(AddressOfRecord callee, String caller, List<String> chainSoFar, String forwardedTo) {
        Optional<Account> account = accounts.find(callee.user(), callee.domain());
        if (account.isEmpty() || !account.get().isEnabled()) {
            return new Routing.Refuse(404, "Not Found");
        }
        List<String> chain = new ArrayList<>(chainSoFar);
        chain.add(callee.toString());
        CallPreferences wanted = preferences.of(callee);
        List<Location> contacts = locations.lookup(callee.toString());
        Forwarding.Decision decision = Forwarding.decide(wanted, caller, !contacts.isEmpty());
        if (decision instanceof Forwarding.Decline) {
            return new Routing.Refuse(603, "Decline");
        }
        if (decision instanceof Forwarding.Busy) {
            return new Routing.Refuse(486, "Busy Here");
        }
        if (decision instanceof Forwarding.Unavailable) {
            return new Routing.Refuse(480, "Temporarily Unavailable");
        }
        if (decision instanceof Forwarding.ForwardTo forward) {
            return wanted.forwardMode() == ForwardMode.REDIRECT
                    ? new Routing.Redirect(forward.target())
                    : forward(forward.target(), caller, chain);
        }
        List<Target> targets = new ArrayList<>(contacts.stream().map(location -> new Target(location.contactUri(),
                location.q(), location.reach())).toList());
        // simultaneous ring: the extra targets ring with the user's most preferred phones
        float first = (float) targets.stream().mapToDouble(Target::q).max().orElse(1.0);
        for (String extra : ((Forwarding.RingPhones) decision).alsoRing()) {
            targets.addAll(ringing(extra, first));
        }
        return new Routing.Ring(targets, forwardedTo,
                Forwarding.onBusy(wanted).map(target -> new Routing.Forward(target, wanted.forwardMode(), 0)),
                Forwarding.onNoAnswer(wanted).map(target -> new Routing.Forward(target, wanted.forwardMode(),
                        wanted.noAnswerSeconds())),
                chain);
    }

    /**
     * Where an extra target rings: a user of ours at its registered phones (a URI of ours sent as it is would
     * come back to the platform as a new call), a foreign URI as it is.
     */
    private List<Target> ringing(String extra, float q) {
        Optional<AddressOfRecord> user = ourUser(extra);
        if (user.isEmpty()) {
            return List.of(contact(extra, q));
        }
        return locations.lookup(user.get().toString()).stream()
                .map(location -> new Target(location.contactUri(), q, location.reach())).toList();
    }

    /** A call to a URI of another domain: the container finds its server (RFC 3263). */
    public static Routing outbound(String requestUri) {
        return Routing.Ring.only(List.of(contact(requestUri)));
    }

    private Optional<AddressOfRecord> ourUser(String target) {
        Optional<SipURI> uri = SipUris.parse(target);
        if (uri.isEmpty() || uri.get().getUser() == null || !admission.serves(uri.get().getHost(), uri.get().getPort())) {
            return Optional.empty();
        }
        return Optional.of(new AddressOfRecord(uri.get().getUser(), uri.get().getHost()));
    }

    private static Target contact(String uri) {
        return contact(uri, 1.0f);
    }

    private static Target contact(String uri, float q) {
        return new Target(uri, q, new Reach(uri, null, null, List.of(), Reach.Kind.CONTACT));
    }
}
