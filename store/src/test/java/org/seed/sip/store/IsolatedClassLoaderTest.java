package org.seed.sip.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In the EAR, the store jar is loaded by the shared {@code lib/} class loader while the thread that opens it
 * belongs to an application whose context class loader is another one. Here the store and its libraries
 * sit in a plain URLClassLoader, and the thread's context class loader sees none of them.
 */
class IsolatedClassLoaderTest {

    @TempDir
    Path dataDir;

    @Test
    @SuppressWarnings("unchecked")
    void opensWhenTheContextClassLoaderCannotSeeTheStore() throws Exception {
        ClassLoader platform = ClassLoader.getPlatformClassLoader();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        try (URLClassLoader lib = new URLClassLoader(classPath(), platform);
                URLClassLoader application = new URLClassLoader(new URL[0], platform)) {
            thread.setContextClassLoader(application);
            Function<String, String> probe = (Function<String, String>) lib
                    .loadClass(IsolatedStoreProbe.class.getName()).getConstructor().newInstance();

            String contact = probe.apply(TestDatabases.h2Url(dataDir));

            assertThat(contact).isEqualTo("sip:alice@192.0.2.10");
            assertThat(probe.getClass().getClassLoader()).isSameAs(lib);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static URL[] classPath() throws MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(new URL[0]);
    }
}
