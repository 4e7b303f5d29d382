package org.seed.sip.it.arquillian;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.enricher.resource.ResourceProvider;

/** Registers the platform adapter with Arquillian (found through META-INF/services). */
public class SipPlatformExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, SipPlatformContainer.class);
        builder.service(ResourceProvider.class, RunningPlatformProvider.class);
    }
}
