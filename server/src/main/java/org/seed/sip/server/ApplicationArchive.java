package org.seed.sip.server;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * An EAR or a WAR unpacked for deployment. An EAR gives one module per web module (context roots from
 * its {@code application.xml}) and the jars of its {@code lib/} folder, which all its modules share;
 * a WAR gives one module and no shared jars.
 */
public final class ApplicationArchive {

    private final List<DeployableModule> modules;
    private final List<URL> sharedLibraries;

    private ApplicationArchive(List<DeployableModule> modules, List<URL> sharedLibraries) {
        this.modules = List.copyOf(modules);
        this.sharedLibraries = List.copyOf(sharedLibraries);
    }

    /**
     * Unpacks {@code archive} (an .ear or .war file) under {@code workDirectory}, replacing what an earlier
     * start left there.
     *
     * @throws DeploymentException if the archive is missing, unreadable or holds no application
     */
    public static ApplicationArchive unpack(Path archive, Path workDirectory) {
        if (!Files.isRegularFile(archive)) {
            throw new DeploymentException("application archive not found: " + archive);
        }
        String fileName = archive.getFileName().toString();
        Path target = workDirectory.resolve(fileName);
        try {
            deleteRecursively(target);
            unzip(archive, target);
            if (fileName.endsWith(".war")) {
                String name = baseName(fileName);
                return new ApplicationArchive(List.of(new DeployableModule(name, "/" + name, target)), List.of());
            }
            if (fileName.endsWith(".ear")) {
                return fromEar(target);
            }
        } catch (IOException e) {
            throw new DeploymentException("cannot unpack " + archive + ": " + e.getMessage(), e);
        }
        throw new DeploymentException("not an .ear or .war file: " + archive);
    }

    public List<DeployableModule> modules() {
        return modules;
    }

    public List<URL> sharedLibraries() {
        return sharedLibraries;
    }

    private static ApplicationArchive fromEar(Path earDirectory) throws IOException {
        Map<String, String> contextRoots = contextRoots(earDirectory.resolve("META-INF/application.xml"));
        List<DeployableModule> modules = new ArrayList<>();
        List<Path> wars;
        try (Stream<Path> files = Files.list(earDirectory)) {
            wars = files.filter(file -> file.getFileName().toString().endsWith(".war")).sorted().toList();
        }
        for (Path war : wars) {
            String fileName = war.getFileName().toString();
            Path exploded = earDirectory.resolve(baseName(fileName));
            unzip(war, exploded);
            String contextRoot = contextRoots.getOrDefault(fileName, baseName(fileName));
            modules.add(new DeployableModule(baseName(fileName), "/" + stripSlashes(contextRoot), exploded));
        }
        if (modules.isEmpty()) {
            throw new DeploymentException("the EAR " + earDirectory.getFileName() + " holds no web module");
        }
        List<URL> libraries = new ArrayList<>();
        Path lib = earDirectory.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).sorted().toList()) {
                    libraries.add(toUrl(jar));
                }
            }
        }
        return new ApplicationArchive(modules, libraries);
    }

    /** web-uri to context-root, from the EAR's deployment descriptor when it has one. */
    private static Map<String, String> contextRoots(Path applicationXml) throws IOException {
        Map<String, String> roots = new HashMap<>();
        if (!Files.isRegularFile(applicationXml)) {
            return roots;
        }
        Document document;
        try (InputStream in = Files.newInputStream(applicationXml)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            document = factory.newDocumentBuilder().parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new DeploymentException("malformed " + applicationXml + ": " + e.getMessage(), e);
        }
        NodeList webModules = document.getElementsByTagNameNS("*", "web");
        for (int i = 0; i < webModules.getLength(); i++) {
            Element web = (Element) webModules.item(i);
            String uri = text(web, "web-uri");
            String root = text(web, "context-root");
            if (uri != null && root != null) {
                roots.put(uri, root);
            }
        }
        return roots;
    }

    private static String text(Element parent, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS("*", localName);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().trim();
    }

    private static void unzip(Path archive, Path target) throws IOException {
        Files.createDirectories(target);
        Path root = target.toRealPath();
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = root.resolve(entry.getName()).normalize();
                if (!destination.startsWith(root)) {
                    throw new DeploymentException("archive entry escapes its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path file : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static String baseName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    private static String stripSlashes(String path) {
        String stripped = path.strip();
        while (stripped.startsWith("/")) {
            stripped = stripped.substring(1);
        }
        return stripped;
    }

    private static URL toUrl(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new DeploymentException("unusable library path " + jar, e);
        }
    }
}
