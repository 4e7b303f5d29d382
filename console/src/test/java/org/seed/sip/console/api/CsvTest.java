package org.seed.sip.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 4180 §2: CRLF after each record; commas, quotes and line breaks quoted, quotes doubled. */
class CsvTest {

    @Test
    void plainFieldsStayBareAndNullIsEmpty() {
        assertThat(new Csv().row(List.of("a", 1)).row(Arrays.asList("sip:bob@example.com", null, "x")).toString())
                .isEqualTo("a,1\r\nsip:bob@example.com,,x\r\n");
    }

    @Test
    void fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        assertThat(new Csv().row(List.of("\"Bob\" <sip:bob@example.com>", "a,b", "line\r\nbreak", "lf\n")).toString())
                .isEqualTo("\"\"\"Bob\"\" <sip:bob@example.com>\",\"a,b\",\"line\r\nbreak\",\"lf\n\"\r\n");
    }
}
