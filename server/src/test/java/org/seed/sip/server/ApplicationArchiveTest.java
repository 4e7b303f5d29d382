package org.seed.sip.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationArchiveTest {

    private static final String APPLICATION_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <application xmlns="http://xmlns.jcp.org/xml/ns/javaee" version="8">
              <module><web><web-uri>registrar-app.war</web-uri><context-root>/registrar</context-root></web></module>
              <module><web><web-uri>console.war</web-uri><context-root>/</context-root></web></module>
              <library-directory>lib</library-directory>
            </application>
            """;

    @TempDir
    Path directory;

    @Test
    void earGivesOneModulePerWarWithItsContextRootAndSharesLib() throws IOException {
        Path war = zip("registrar-app.war", Map.of("WEB-INF/sip.xml", "<sip-app/>"));
        Path console = zip("console.war", Map.of("WEB-INF/web.xml", "<web-app/>"));
        Path ear = zip("platform.ear", Map.of(
                "META-INF/application.xml", APPLICATION_XML,
                "registrar-app.war", Files.readString(war, StandardCharsets.ISO_8859_1),
                "console.war", Files.readString(console, StandardCharsets.ISO_8859_1),
                "lib/store.jar", "jar"));

        ApplicationArchive archive = ApplicationArchive.unpack(ear, directory.resolve("work"));

        assertThat(archive.modules()).extracting(DeployableModule::name, DeployableModule::contextPath)
                .containsExactly(tuple("console", "/"),
                        tuple("registrar-app", "/registrar"));
        assertThat(archive.modules().get(1).directory().resolve("WEB-INF/sip.xml")).exists();
        assertThat(archive.sharedLibraries()).singleElement().asString().endsWith("lib/store.jar");
    }

    @Test
    void warIsOneModuleNamedAfterTheFile() throws IOException {
        Path war = zip("registrar-app.war", Map.of("WEB-INF/sip.xml", "<sip-app/>"));

        ApplicationArchive archive = ApplicationArchive.unpack(war, directory.resolve("work"));

        assertThat(archive.modules()).singleElement().satisfies(module -> {
            assertThat(module.contextPath()).isEqualTo("/registrar-app");
            assertThat(module.directory().resolve("WEB-INF/sip.xml")).exists();
        });
        assertThat(archive.sharedLibraries()).isEmpty();
    }

    @Test
    void entryEscapingItsFolderIsRefused() throws IOException {
        Path evil = zip("evil.war", Map.of("../../outside.txt", "x"));

        assertThatThrownBy(() -> ApplicationArchive.unpack(evil, directory.resolve("work")))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("escapes");
        assertThat(directory.resolve("outside.txt")).doesNotExist();
    }

    @Test
    void missingArchiveIsNamed() {
        assertThatThrownBy(() -> ApplicationArchive.unpack(directory.resolve("nope.ear"), directory))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("nope.ear");
    }

    @Test
    void earWithoutWebModuleIsRefused() throws IOException {
        Path ear = zip("empty.ear", Map.of("lib/store.jar", "jar"));

        assertThatThrownBy(() -> ApplicationArchive.unpack(ear, directory.resolve("work")))
                .isInstanceOf(DeploymentException.class).hasMessageContaining("no web module");
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = directory.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.ISO_8859_1));
                zip.closeEntry();
            }
        }
        return file;
    }
}
