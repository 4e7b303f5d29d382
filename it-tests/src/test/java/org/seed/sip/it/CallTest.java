package org.seed.sip.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * An integration test of calls: a {@link PlatformTest} whose every test gets fresh {@link #phones}, each
 * unregistered and closed when the test ends (JUnit runs this class's {@code @AfterEach} after a subclass's).
 */
public abstract class CallTest extends PlatformTest {

    protected Phones phones;

    @BeforeEach
    void openPhones() {
        phones = new Phones(platform);
    }

    @AfterEach
    void closePhones() {
        phones.close();
    }
}
