package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.preferences.CallPreferences;
import org.seed.sip.store.preferences.ForwardMode;

/** {@code /api/accounts/user@domain/preferences}: read, replace whole, refuse what the B2BUA could not use. */
class PreferencesApiTest extends ApiTestSupport {

    private static final String CAROL = "/accounts/carol@example.com/preferences";
    private static final String DEFAULTS_JSON = "{\"doNotDisturb\":false,\"forwardAlways\":null,\"forwardBusy\":null,"
            + "\"forwardNoAnswer\":null,\"noAnswerSeconds\":20,\"forwardOffline\":null,\"forwardMode\":\"proxy\","
            + "\"blocked\":[],\"alsoRing\":[]}";

    @BeforeEach
    void carol() {
        store.accounts().create("carol", "example.com", null, "carol-secret".toCharArray(), false);
    }

    private static CallPreferences stored() {
        return store.preferences().of(new AddressOfRecord("carol", "example.com"));
    }

    @Test
    void anAccountThatSetNothingReadsTheDefaultsInTheIssuesShape() {
        ApiResponse answer = call("GET", CAROL);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).toString()).isEqualTo(DEFAULTS_JSON);
    }

    @Test
    void putReplacesEveryPreferenceAndTheStoreHasThem() {
        String every = "{\"doNotDisturb\":true,\"forwardAlways\":\"sip:desk@example.com\",\"forwardBusy\":\"sip:busy@example.net\","
                + "\"forwardNoAnswer\":\"sips:voicemail@example.net;transport=tls\",\"noAnswerSeconds\":35,"
                + "\"forwardOffline\":\"sip:mobile@example.org\",\"forwardMode\":\"redirect\","
                + "\"blocked\":[\"sip:spam@example.org\",\"*@telemarketing.example\"],\"alsoRing\":[\"sip:desk@example.com\"]}";

        ApiResponse answer = call("PUT", CAROL, every);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(json(answer).toString()).isEqualTo(every);
        assertThat(stored()).isEqualTo(new CallPreferences(true, "sip:desk@example.com", "sip:busy@example.net",
                "sips:voicemail@example.net;transport=tls", 35, "sip:mobile@example.org", ForwardMode.REDIRECT,
                List.of("sip:spam@example.org", "*@telemarketing.example"), List.of("sip:desk@example.com")));
        assertThat(json(call("GET", CAROL)).toString()).isEqualTo(every);
    }

    @Test
    void fieldsLeftOutOfAPutTakeTheirDefaults() {
        call("PUT", CAROL, "{\"doNotDisturb\":true,\"forwardBusy\":\"sip:busy@example.net\",\"noAnswerSeconds\":60}");

        assertThat(call("PUT", CAROL, "{\"forwardNoAnswer\":\"sip:voicemail@example.net\"}").status()).isEqualTo(200);

        assertThat(stored()).isEqualTo(new CallPreferences(false, null, null, "sip:voicemail@example.net", 20, null,
                ForwardMode.PROXY, List.of(), List.of()));
        assertThat(call("PUT", CAROL, "{}").status()).isEqualTo(200);
        assertThat(stored()).isEqualTo(CallPreferences.DEFAULTS);
    }

    @Test
    void anUnknownAccountIsNotFound() {
        assertThat(call("GET", "/accounts/nobody@example.com/preferences").status()).isEqualTo(404);
        assertThat(call("PUT", "/accounts/nobody@example.com/preferences", "{}").status()).isEqualTo(404);
        assertThat(call("GET", "/accounts/not-an-id/preferences").status()).isEqualTo(404);
        assertThat(call("POST", CAROL, "{}").status()).isEqualTo(405);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{\"forwardAlways\":\"mailto:carol@example.com\"}    | forwardAlways must be a SIP URI",
        "{\"forwardBusy\":\"sip:\"}                          | forwardBusy must be a SIP URI",
        "{\"forwardNoAnswer\":\"\"}                          | forwardNoAnswer must be a SIP URI",
        "{\"forwardOffline\":\"sip:carol@EXAMPLE.com:5070\"} | forwardOffline must not be the account itself",
        "{\"forwardAlways\":\"sip:carol@example.com\"}       | forwardAlways must not be the account itself",
        "{\"noAnswerSeconds\":4}                             | noAnswerSeconds must be 5 to 600",
        "{\"noAnswerSeconds\":601}                           | noAnswerSeconds must be 5 to 600",
        "{\"noAnswerSeconds\":\"20\"}                        | field 'noAnswerSeconds' has the wrong type",
        "{\"noAnswerSeconds\":2.5}                           | field 'noAnswerSeconds' has the wrong type",
        "{\"doNotDisturb\":\"yes\"}                          | field 'doNotDisturb' has the wrong type",
        "{\"forwardMode\":\"PROXY\"}                         | forwardMode must be proxy or redirect",
        "{\"forwardMode\":\"fork\"}                          | forwardMode must be proxy or redirect",
        "{\"blocked\":\"sip:spam@example.org\"}              | field 'blocked' has the wrong type",
        "{\"blocked\":[\"*@\"]}                              | blocked entries must be SIP URIs or *@domain",
        "{\"blocked\":[\"*@bad domain\"]}                    | blocked entries must be SIP URIs or *@domain",
        "{\"blocked\":[\"spam\"]}                            | blocked entries must be SIP URIs or *@domain",
        "{\"blocked\":[null]}                                | blocked[0] must not be null",
        "{\"alsoRing\":[\"sip:desk@example.com\",\"tel:+1\"]} | alsoRing must be a SIP URI",
        "{\"alsoRing\":[\"sip:carol@example.com\"]}          | alsoRing must not be the account itself",
        "{\"alsoRing\":{\"uri\":\"sip:desk@example.com\"}}   | field 'alsoRing' has the wrong type",
        "{\"ringTone\":\"bells\"}                            | unknown field 'ringTone'",
    })
    void badInputIsRefusedNamingTheFieldAndChangesNothing(String body, String error) {
        call("PUT", CAROL, "{\"forwardBusy\":\"sip:busy@example.net\"}");

        ApiResponse answer = call("PUT", CAROL, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).startsWith(error);
        assertThat(stored().forwardBusy()).isEqualTo("sip:busy@example.net");
    }

    @Test
    void listsLongerThanFiftyAreRefused() {
        String many = "[" + "\"sip:spam@example.org\",".repeat(50) + "\"sip:one-more@example.org\"]";

        ApiResponse answer = call("PUT", CAROL, "{\"blocked\":" + many + "}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(error(answer)).isEqualTo("blocked holds at most 50 entries");
    }
}
