package org.seed.sip.server;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;

/**
 * The class loader of an EAR's {@code lib/}, shared by all its modules. It looks in the EAR first, like a
 * web application's loader looks in WEB-INF/lib first, so the EAR's own copy of a library (sip-common, a
 * newer Jackson...) wins over one the server happens to carry. The APIs the container implements and the
 * logging the server configures always come from the server, or applications would see types the
 * container does not know, or log nowhere.
 */
final class EarLibraryClassLoader extends URLClassLoader {

    private static final List<String> SERVER_PACKAGES = List.of(
            "java.", "jdk.", "sun.", "javax.servlet.", "javax.sip.", "javax.el.", "org.slf4j.", "ch.qos.logback.",
            "org.apache.catalina.", "org.apache.tomcat.", "org.apache.coyote.", "org.mobicents.", "gov.nist.");

    static {
        registerAsParallelCapable();
    }

    EarLibraryClassLoader(URL[] libraries, ClassLoader server) {
        super("ear-lib", libraries, server);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (fromServer(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInTheEar) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    private static boolean fromServer(String className) {
        return SERVER_PACKAGES.stream().anyMatch(className::startsWith);
    }
}
