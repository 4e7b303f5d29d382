package org.seed.sip.it.arquillian;

import java.lang.annotation.Annotation;

import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/** Lets a test declare {@code @ArquillianResource RunningPlatform platform}. */
public class RunningPlatformProvider implements ResourceProvider {

    @Inject
    private Instance<RunningPlatform> runningPlatform;

    @Override
    public boolean canProvide(Class<?> type) {
        return RunningPlatform.class.isAssignableFrom(type);
    }

    @Override
    public Object lookup(ArquillianResource resource, Annotation... qualifiers) {
        return runningPlatform.get();
    }
}
