package org.seed.sip.common.auth;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class FailureThrottleTest {

    private static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");
    private static final String ATTACKER = "203.0.113.9";

    private final FailureThrottle throttle = new FailureThrottle(5, Duration.ofSeconds(60), Duration.ofSeconds(300));
    private final Logger logger = (Logger) LoggerFactory.getLogger(FailureThrottle.class);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeEach
    void captureLog() {
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void releaseLog() {
        logger.detachAppender(log);
    }

    private void fail(String source, Instant at) {
        throttle.recordFailure(new AuthFailure(source, "alice", "example.com", "REGISTER", FailureReason.BAD_RESPONSE), at);
    }

    @Test
    void blocksAfterTheFifthFailureWithinTheWindow() {
        for (int i = 0; i < 4; i++) {
            fail(ATTACKER, T0.plusSeconds(i * 10));
        }
        assertThat(throttle.blockedFor(ATTACKER, T0.plusSeconds(40))).isEmpty();

        fail(ATTACKER, T0.plusSeconds(50));

        assertThat(throttle.blockedFor(ATTACKER, T0.plusSeconds(50))).hasValue(300);
        assertThat(throttle.blockedFor(ATTACKER, T0.plusSeconds(50).plusMillis(1500))).hasValue(299);
    }

    @Test
    void unblocksWhenTheBlockTimeIsOver() {
        for (int i = 0; i < 5; i++) {
            fail(ATTACKER, T0);
        }

        assertThat(throttle.blockedFor(ATTACKER, T0.plusSeconds(299))).hasValue(1);
        assertThat(throttle.blockedFor(ATTACKER, T0.plusSeconds(300))).isEmpty();
        fail(ATTACKER, T0.plusSeconds(300));
        assertThat(throttle.blockedFor(ATTACKER, T0.plusSeconds(300))).as("the count starts again").isEmpty();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotBlock() {
        for (int i = 0; i < 20; i++) {
            fail(ATTACKER, T0.plusSeconds(i * 15));
        }

        assertThat(throttle.blockedFor(ATTACKER, T0.plusSeconds(300))).isEmpty();
    }

    @Test
    void otherSourcesAreNotBlocked() {
        for (int i = 0; i < 5; i++) {
            fail(ATTACKER, T0);
        }

        assertThat(throttle.blockedFor("198.51.100.7", T0)).isEmpty();
    }

    @Test
    void logsOneLinePerFailureAndOneForTheBlock() {
        for (int i = 0; i < 5; i++) {
            fail(ATTACKER, T0);
        }

        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.get(0)).isEqualTo(
                "auth failure: source=203.0.113.9 user=\"alice\" realm=\"example.com\" method=REGISTER reason=bad-response");
        assertThat(lines.get(5)).isEqualTo("auth blocked: source=203.0.113.9 for 300s after 5 failures");
        assertThat(log.list).allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.WARN));
    }

    @Test
    void clientTextCannotBreakTheLineOrFakeAField() {
        throttle.recordFailure(new AuthFailure(ATTACKER, "x\" reason=ok\nauth failure: source=192.0.2.1 user=\"y",
                "example.com", "REG ISTER", FailureReason.UNKNOWN_USER), T0);

        assertThat(log.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).isEqualTo(
                "auth failure: source=203.0.113.9 user=\"x\\\" reason=ok\\u000aauth failure: source=192.0.2.1 user=\\\"y\""
                        + " realm=\"example.com\" method=REG?ISTER reason=unknown-user");
    }

    @Test
    void longUserNamesAreCut() {
        throttle.recordFailure(new AuthFailure(ATTACKER, "a".repeat(1000), "example.com", "REGISTER",
                FailureReason.UNKNOWN_USER), T0);

        assertThat(log.list.get(0).getFormattedMessage()).contains("user=\"" + "a".repeat(LogText.MAX_LENGTH) + "...\" ");
    }

    @Test
    void tracksABoundedNumberOfSources() {
        FailureThrottle small = new FailureThrottle(5, Duration.ofSeconds(60), Duration.ofSeconds(300), 100);
        for (int i = 0; i < 1000; i++) {
            small.recordFailure(new AuthFailure("10.0." + i / 256 + "." + i % 256, "", "example.com", "REGISTER",
                    FailureReason.MALFORMED_CREDENTIALS), T0);
        }

        assertThat(small.size()).isLessThanOrEqualTo(100);
    }
}
