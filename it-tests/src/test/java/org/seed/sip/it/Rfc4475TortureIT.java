package org.seed.sip.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.Archive;
import org.junit.jupiter.api.Test;
import org.seed.sip.it.phone.RawSipClient;
import org.seed.sip.it.phone.RawSipClient.Answer;
import org.seed.sip.server.OptionsProbe;

/**
 * RFC 4475's torture messages, sent raw over UDP to the whole EAR (files under {@code rfc4475/}; what each
 * must get, and why, in {@code rfc4475/expected-answers.properties}).
 *
 * <pre>
 *   test                           platform
 *     |--- valid message -------->|  processed: its answer, never 400, no 5xx but 501
 *     |--- invalid message ------>|  400 with a fixed reason phrase, 505, or dropped
 *     |--- OPTIONS -------------->|  still 200 afterwards, and no exception in the log
 * </pre>
 */
class Rfc4475TortureIT extends PlatformTest {

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(3);
    /** Nothing: a message that must not be answered gets this long to prove it. */
    private static final Duration SILENCE = Duration.ofSeconds(2);
    /** JAIN-SIP's 400s carry one of these (server/.../edge/MalformedPart), the platform's own the others. */
    private static final Set<String> FIXED_400_REASONS = Set.of("Bad request", "Missing Required Header",
            "Malformed Request-URI", "Bad Request (Malformed Request-Line)", "Bad Request (Malformed Via)",
            "Bad Request (Malformed From)", "Bad Request (Malformed To)", "Bad Request (Malformed Call-ID)",
            "Bad Request (Malformed CSeq)", "Bad Request (Malformed Content-Length)",
            "Bad Request (Malformed Message)");

    private static final Properties EXPECTED = load();

    @Deployment(testable = false)
    static Archive<?> platformEar() {
        return Deployments.platformEar();
    }

    @Test
    void validMessagesAreProcessed() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (Path message : corpus("valid")) {
            Optional<Answer> answer = send(message);
            softly.assertThat(answer).as(name(message)).isPresent();
            answer.ifPresent(got -> {
                softly.assertThat(got.status()).as(name(message) + " " + got).isEqualTo(expected(message))
                        .isNotEqualTo(400).matches(status -> status < 500 || status == 501, "no 5xx but 501");
            });
        }
        softly.assertAll();
    }

    @Test
    void invalidMessagesGetAFixedBadRequestOrNoAnswer() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        for (Path message : Stream.of(corpus("invalid"), corpus("compat")).flatMap(List::stream).toList()) {
            Optional<Answer> answer = send(message);
            if ("none".equals(expectedText(message))) {
                softly.assertThat(answer).as(name(message)).isEmpty();
                continue;
            }
            softly.assertThat(answer).as(name(message)).isPresent();
            answer.ifPresent(got -> {
                softly.assertThat(got.status()).as(name(message) + " " + got).isEqualTo(expected(message));
                if (got.status() == 400) {
                    softly.assertThat(got.reason()).as(name(message)).isIn(FIXED_400_REASONS);
                }
            });
        }
        softly.assertAll();
    }

    @Test
    void theWholeCorpusLeavesThePlatformServingAndItsLogFreeOfExceptions() throws IOException {
        for (String directory : List.of("valid", "invalid", "compat")) {
            for (Path message : corpus(directory)) {
                send(message);
            }
        }

        assertThat(new OptionsProbe("127.0.0.1", platform.sipAddress().getPort()).awaitAnswer(ANSWER_WITHIN))
                .isEqualTo(200);
        assertThat(Files.readAllLines(platform.logFile(), StandardCharsets.UTF_8))
                .noneMatch(line -> line.contains("Unexpected exception while processing request"))
                .noneMatch(line -> line.contains("cannot get a new Server transaction"));
    }

    private Optional<Answer> send(Path message) throws IOException {
        String text = Files.readString(message, StandardCharsets.UTF_8)
                .replace("${platform}", "127.0.0.1:" + platform.sipAddress().getPort())
                .replace("branch=z9hG4bK", "branch=z9hG4bK" + UUID.randomUUID().toString().substring(0, 8));
        boolean silent = "none".equals(expectedText(message));
        try (RawSipClient client = RawSipClient.udp(platform.sipAddress())) {
            return client.exchange(text, silent ? SILENCE : ANSWER_WITHIN);
        }
    }

    private static List<Path> corpus(String directory) throws IOException {
        try (Stream<Path> files = Files.list(Paths.get(Rfc4475TortureIT.class.getResource("/rfc4475/" + directory).toURI()))) {
            return files.filter(file -> file.toString().endsWith(".sip")).sorted().toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Path message) {
        return message.getFileName().toString().replace(".sip", "");
    }

    private static int expected(Path message) {
        return Integer.parseInt(expectedText(message));
    }

    private static String expectedText(Path message) {
        String value = EXPECTED.getProperty(name(message));
        if (value == null) {
            throw new AssertionError(name(message) + " has no line in rfc4475/expected-answers.properties");
        }
        return value;
    }

    private static Properties load() {
        Properties expected = new Properties();
        try (InputStream in = Rfc4475TortureIT.class.getResourceAsStream("/rfc4475/expected-answers.properties")) {
            expected.load(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return expected;
    }
}
