package org.seed.sip.common.pidf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The test documents under src/test/resources/pidf, and their reading. */
final class PidfDocuments {

    static final PidfXml XML = new PidfXml();

    private PidfDocuments() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = PidfDocuments.class.getResourceAsStream("/pidf/" + name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the test resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Presence read(String name) {
        try {
            return XML.read(bytes(name));
        } catch (InvalidPidfException e) {
            throw new AssertionError(name + ": " + e.getMessage(), e);
        }
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
