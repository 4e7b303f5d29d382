package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sip.ListeningPoint;
import javax.sip.message.Response;

import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.Softphone;

/**
 * The phones of one test, registered with the platform and, when the test ends, unregistered and closed:
 * the next test of the class finds no binding of a phone that is gone (a call would fork to it).
 */
public final class Phones implements AutoCloseable {

    private final RunningPlatform platform;
    private final List<Softphone> registered = new ArrayList<>();
    private final List<Softphone> opened = new ArrayList<>();

    public Phones(RunningPlatform platform) {
        this.platform = platform;
    }

    /** A phone of a demo user, registered over UDP. */
    public Softphone registered(String user) {
        return registered(user, ListeningPoint.UDP);
    }

    public Softphone registered(String user, String transport) {
        Softphone phone = unregistered(user, transport);
        assertThat(phone.register(300).getStatusCode()).as("REGISTER of %s", user).isEqualTo(Response.OK);
        registered.add(phone);
        return phone;
    }

    /** A phone of a demo user registered with a q value (RFC 3261 §10.2.1.2), for the order of forking. */
    public Softphone registered(String user, double q) {
        Softphone phone = unregistered(user, ListeningPoint.UDP);
        assertThat(phone.register(300, q).getStatusCode()).as("REGISTER of %s", user).isEqualTo(Response.OK);
        registered.add(phone);
        return phone;
    }

    /** A phone of a demo user that calls without registering. */
    public Softphone unregistered(String user) {
        return unregistered(user, ListeningPoint.UDP);
    }

    private Softphone unregistered(String user, String transport) {
        Softphone phone = Softphone.open(user, "127.0.0.1", RunningPlatform.DEMO_PASSWORD, platform.sipAddress(),
                transport);
        opened.add(phone);
        return phone;
    }

    @Override
    public void close() {
        for (Softphone phone : registered) {
            phone.register(0);
        }
        // a JAIN-SIP stack takes a second to stop: all at once
        CompletableFuture.allOf(opened.stream().map(phone -> CompletableFuture.runAsync(phone::close))
                .toArray(CompletableFuture[]::new)).join();
    }
}
