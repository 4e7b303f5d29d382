package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.store.preferences.CallPreferences;
import org.seed.sip.store.preferences.ForwardMode;

/** Each account's call preferences, one row, gone with the account. Part of {@link StoreContractTest}. */
interface CallPreferencesContract {

    AddressOfRecord CAROL_AOR = new AddressOfRecord("carol", "example.com");

    Store store();

    private Store withCarol() {
        store().accounts().create("carol", "example.com", null, "carol-secret".toCharArray(), false);
        return store();
    }

    private static CallPreferences everyFieldSet() {
        return new CallPreferences(true, "sip:always@example.com", "sip:busy@example.com",
                "sip:voicemail@example.net;transport=tcp", 35, "sip:offline@example.com", ForwardMode.REDIRECT,
                List.of("sip:spam@example.org", "*@telemarketing.example"), List.of("sip:desk@example.com", "sip:mobile@example.net"));
    }

    private long rows() {
        return ((Number) store().inTransaction(em -> em.createNativeQuery("select count(*) from call_preferences")
                .getSingleResult())).longValue();
    }

    @Test
    default void anAccountThatSetNothingHasTheDefaults() {
        withCarol();

        assertThat(store().preferences().of(CAROL_AOR)).isEqualTo(CallPreferences.DEFAULTS);
        assertThat(store().preferences().of(new AddressOfRecord("nobody", "example.com"))).isEqualTo(CallPreferences.DEFAULTS);
    }

    @Test
    default void savedPreferencesReadBackWithEveryFieldAndASecondSaveReplacesThem() {
        withCarol().preferences().save(CAROL_AOR, everyFieldSet());
        assertThat(store().preferences().of(new AddressOfRecord("carol", "EXAMPLE.com"))).isEqualTo(everyFieldSet());

        CallPreferences later = new CallPreferences(false, null, null, "sip:voicemail@example.net", 20, null,
                ForwardMode.PROXY, List.of(), List.of("sip:desk@example.com"));
        assertThat(store().preferences().save(CAROL_AOR, later)).isTrue();

        assertThat(store().preferences().of(CAROL_AOR)).isEqualTo(later);
        assertThat(rows()).isEqualTo(1);
    }

    @Test
    default void preferencesOfAnUnknownAccountAreNotStored() {
        assertThat(store().preferences().save(CAROL_AOR, everyFieldSet())).isFalse();

        assertThat(rows()).isZero();
    }

    @Test
    default void deletingTheAccountDeletesItsPreferences() {
        withCarol().preferences().save(CAROL_AOR, everyFieldSet());

        store().accounts().delete("carol", "example.com");
        withCarol();

        assertThat(rows()).isZero();
        assertThat(store().preferences().of(CAROL_AOR)).isEqualTo(CallPreferences.DEFAULTS);
    }
}
