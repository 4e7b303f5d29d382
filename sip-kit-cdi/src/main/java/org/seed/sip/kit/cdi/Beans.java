package org.seed.sip.kit.cdi;

import javax.enterprise.inject.spi.BeanManager;
import javax.servlet.ServletContext;
import javax.servlet.ServletException;

import org.jboss.weld.environment.servlet.WeldServletLifecycle;

/**
 * Looks up beans for a SIP servlet. Restcomm instantiates SIP servlets itself, outside Weld's reach, so they
 * cannot have fields injected; they ask the application's bean manager, which Weld's servlet listener
 * publishes in the servlet context before any servlet is initialised.
 */
public final class Beans {

    private Beans() {
    }

    public static <T> T get(ServletContext context, Class<T> type) throws ServletException {
        BeanManager beans = (BeanManager) context.getAttribute(WeldServletLifecycle.BEAN_MANAGER_ATTRIBUTE_NAME);
        if (beans == null) {
            throw new ServletException("no CDI container in " + context.getContextPath()
                    + ": WEB-INF/web.xml must declare Weld's listener");
        }
        return beans.createInstance().select(type).get();
    }
}
