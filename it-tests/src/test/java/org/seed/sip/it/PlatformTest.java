package org.seed.sip.it;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seed.sip.it.arquillian.RunningPlatform;

/**
 * What every integration test class starts with: Arquillian runs it against the platform started with
 * the class's {@code @Deployment(testable = false)} archive, and {@link #platform} says where that
 * platform listens. A test class extends this and declares only its deployment.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class PlatformTest {

    @ArquillianResource
    protected RunningPlatform platform;
}
