package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Who may use the API: enabled administrators, by HTTP Basic (RFC 7617), checked against the SHA-256 HA1. */
class AdminAuthenticationTest extends ApiTestSupport {

    private ApiResponse listAccountsAs(String authorization) {
        return api.handle(new ApiRequest("GET", "/accounts", Map.of(), authorization, null, null));
    }

    @Test
    void administratorLogsInByShortNameInTheDefaultDomain() {
        assertThat(listAccountsAs(basic("admin", ADMIN_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void administratorLogsInAsUserAtDomainWithTheDomainInAnyCase() {
        store.accounts().create("root", "other.example", null, "root-secret".toCharArray(), true);

        assertThat(listAccountsAs(basic("root@Other.EXAMPLE", "root-secret")).status()).isEqualTo(200);
        assertThat(listAccountsAs(basic("admin@example.com", ADMIN_PASSWORD)).status()).isEqualTo(200);
    }

    @Test
    void passwordMayContainColonsAndNonAsciiCharacters() {
        store.accounts().create("ops", "example.com", null, "pä:ss:wört".toCharArray(), true);

        assertThat(listAccountsAs(basic("ops", "pä:ss:wört")).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordIsChallengedWithBasic() {
        ApiResponse answer = listAccountsAs(basic("admin", "not-the-password"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers()).containsEntry("WWW-Authenticate", "Basic realm=\"sip-platform\"");
        assertThat(error(answer)).isEqualTo("valid administrator credentials required");
    }

    @Test
    void missingCredentialsAreChallengedEvenForUnknownPaths() {
        ApiResponse answer = api.handle(new ApiRequest("GET", "/no-such-thing", Map.of(), null, null, null));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.headers()).containsKey("WWW-Authenticate");
    }

    @Test
    void unknownAccountIsRefusedLikeAWrongPassword() {
        assertThat(listAccountsAs(basic("nobody", ADMIN_PASSWORD)).status()).isEqualTo(401);
        assertThat(listAccountsAs(basic("admin@elsewhere.example", ADMIN_PASSWORD)).status()).isEqualTo(401);
    }

    @Test
    void disabledAdministratorIsRefused() {
        store.accounts().create("former", "example.com", null, "former-secret".toCharArray(), true);
        store.accounts().update("former", "example.com", account -> account.setEnabled(false));

        assertThat(listAccountsAs(basic("former", "former-secret")).status()).isEqualTo(401);
    }

    @Test
    void validAccountThatIsNotAnAdministratorIsForbidden() {
        store.accounts().create("alice", "example.com", null, "alice-secret".toCharArray(), false);

        ApiResponse answer = listAccountsAs(basic("alice", "alice-secret"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.headers()).doesNotContainKey("WWW-Authenticate");
        assertThat(listAccountsAs(basic("alice", "wrong-secret")).status()).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Basic", "Basic !!!not-base64!!!", "Bearer YWRtaW46YWRtaW4tc2VjcmV0", "Basic YWRtaW4=",
            "Basic OmFkbWluLXNlY3JldA==", "Basic YWRtaW5AOmFkbWluLXNlY3JldA=="})
    void malformedAuthorizationIsRefused(String authorization) {
        // YWRtaW4= is "admin" (no colon), OmFk... is ":admin-secret" (no user), YWRtaW5AOm... is "admin@:admin-secret"
        assertThat(listAccountsAs(authorization).status()).isEqualTo(401);
    }

    @Test
    void schemeNameIsCaseInsensitive() {
        String credentials = basic("admin", ADMIN_PASSWORD).substring("Basic ".length());

        assertThat(listAccountsAs("bAsIc " + credentials).status()).isEqualTo(200);
    }

    @Test
    void basicCredentialsSplitAtTheFirstColonAndWipeThePassword() {
        String header = basic("admin", "a:b:c");
        BasicCredentials credentials = BasicCredentials.parse(header).orElseThrow();

        assertThat(credentials.userId()).isEqualTo("admin");
        assertThat(new String(credentials.password())).isEqualTo("a:b:c");
        credentials.wipe();
        assertThat(credentials.password()).containsOnly('\0');
    }
}
