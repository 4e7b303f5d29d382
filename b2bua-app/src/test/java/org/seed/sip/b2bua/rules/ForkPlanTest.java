package org.seed.sip.b2bua.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ForkPlanTest {

    private record Contact(String uri, double q) {
    }

    @Test
    void highestQRingsFirstAndEqualQTogether() {
        ForkPlan<Contact> plan = ForkPlan.of(List.of(new Contact("low", 0.1), new Contact("a", 1.0),
                new Contact("mid", 0.5), new Contact("b", 1.0)), Contact::q);

        assertThat(plan.next()).hasValueSatisfying(group -> assertThat(group).extracting(Contact::uri)
                .containsExactly("a", "b"));
        assertThat(plan.hasMore()).isTrue();
        assertThat(plan.next()).hasValueSatisfying(group -> assertThat(group).extracting(Contact::uri)
                .containsExactly("mid"));
        assertThat(plan.next()).hasValueSatisfying(group -> assertThat(group).extracting(Contact::uri)
                .containsExactly("low"));
        assertThat(plan.hasMore()).isFalse();
        assertThat(plan.next()).isEmpty();
    }

    @Test
    void redirectTargetsComeBeforeTheGroupsNotYetTried() {
        ForkPlan<Contact> plan = ForkPlan.of(List.of(new Contact("first", 1.0), new Contact("later", 0.5)), Contact::q);
        plan.next();

        plan.prepend(List.of(new Contact("moved-low", 0.2), new Contact("moved-high", 0.9)), Contact::q);

        assertThat(plan.next()).hasValueSatisfying(group -> assertThat(group).extracting(Contact::uri)
                .containsExactly("moved-high"));
        assertThat(plan.next()).hasValueSatisfying(group -> assertThat(group).extracting(Contact::uri)
                .containsExactly("moved-low"));
        assertThat(plan.next()).hasValueSatisfying(group -> assertThat(group).extracting(Contact::uri)
                .containsExactly("later"));
    }
}
