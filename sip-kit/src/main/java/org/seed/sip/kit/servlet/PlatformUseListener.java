package org.seed.sip.kit.servlet;

import javax.servlet.ServletContextEvent;
import javax.servlet.ServletContextListener;

import org.seed.sip.kit.platform.SharedPlatform;

/**
 * The shared platform's lifecycle for a web module without CDI (the console): it uses the platform from its
 * start to its stop, so the store is not closed under it by an application stopping first.
 */
public final class PlatformUseListener implements ServletContextListener {

    private SharedPlatform.Use use;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        use = SharedPlatform.process().use(event.getServletContext().getServletContextName());
        use.start();
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        use.stop();
    }
}
