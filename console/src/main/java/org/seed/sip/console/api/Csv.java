package org.seed.sip.console.api;

import java.util.List;

/**
 * Comma-separated values as RFC 4180 defines them: CRLF after every record, a field quoted when it holds a
 * comma, a double quote, CR or LF, and a quote inside doubled (§2). Null is an empty field.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private final StringBuilder text = new StringBuilder();

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            field(fields.get(i));
        }
        text.append("\r\n");
        return this;
    }

    private void field(Object value) {
        String field = value == null ? "" : value.toString();
        if (field.chars().anyMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n')) {
            text.append('"').append(field.replace("\"", "\"\"")).append('"');
        } else {
            text.append(field);
        }
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
