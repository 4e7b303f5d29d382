package org.seed.sip.store.location;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocationServicePathTest {

    @Test
    void splitsAtCommasBetweenValuesOnly() {
        assertThat(LocationService.path("<sip:a.example.com;lr>,<sip:b.example.com;lr;x=\"1,2\">,\"Edge, Inc\" <sip:c;lr>"))
                .containsExactly("<sip:a.example.com;lr>", "<sip:b.example.com;lr;x=\"1,2\">", "\"Edge, Inc\" <sip:c;lr>");
    }

    @Test
    void noPathIsEmpty() {
        assertThat(LocationService.path(null)).isEmpty();
    }
}
