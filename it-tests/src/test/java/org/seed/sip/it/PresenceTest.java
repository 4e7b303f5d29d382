package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.message.Response;

import org.seed.sip.it.arquillian.RunningPlatform;
import org.seed.sip.it.phone.TestPhone;

/**
 * What the presence tests share: each test watches presentities of its own, created through the console
 * with the demo password, and sets their rules there.
 */
abstract class PresenceTest extends PlatformTest {

    private static final AtomicInteger PRESENTITIES = new AtomicInteger();

    /** A new user of the platform, with the demo password. */
    protected String presentity() {
        String user = "presentity" + PRESENTITIES.incrementAndGet();
        HttpResponse<String> created = console().send(console().asAdmin("/api/accounts")
                .header("Content-Type", "application/json").POST(ConsoleClient.json("{\"username\":\"" + user
                        + "\",\"password\":\"" + RunningPlatform.DEMO_PASSWORD + "\"}")));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return user;
    }

    /** Replaces {@code user}'s presence rules with {@code json}. */
    protected void rules(String user, String json) {
        HttpResponse<String> put = console().send(console()
                .asAdmin("/api/accounts/" + ConsoleClient.encode(user + "@127.0.0.1") + "/presence-rules")
                .header("Content-Type", "application/json").PUT(ConsoleClient.json(json)));
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    protected ConsoleClient console() {
        return new ConsoleClient(platform);
    }

    protected TestPhone phone(String user) {
        return TestPhone.open(user, "127.0.0.1", platform.sipAddress());
    }

    protected static String aor(String user) {
        return "sip:" + user + "@127.0.0.1";
    }

    protected static void register(TestPhone phone, int expires) {
        Response answer = phone.sendAuthenticated(phone.register(expires), RunningPlatform.DEMO_PASSWORD);
        assertThat(answer.getStatusCode()).as("REGISTER answer").isEqualTo(Response.OK);
    }
}
