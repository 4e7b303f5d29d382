package org.seed.sip.store.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes generated passwords to a file only its owner can read. */
final class CredentialsFile {

    private CredentialsFile() {
    }

    /** Replaces {@code file}: an older one holds passwords of a database that no longer exists. */
    static void write(Path file, List<InitialCredential> credentials) {
        List<String> lines = new ArrayList<>();
        lines.add("# SIP accounts created on first start, " + Instant.now() + ".");
        lines.add("# Change these passwords, then delete this file.");
        for (InitialCredential credential : credentials) {
            lines.add(credential.username() + "@" + credential.domain() + " " + credential.password());
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            createPrivate(file);
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial credentials to " + file + ": " + e, e);
        }
    }

    // created with its permissions, not chmod-ed after: the passwords are never readable by others
    private static void createPrivate(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }
}
