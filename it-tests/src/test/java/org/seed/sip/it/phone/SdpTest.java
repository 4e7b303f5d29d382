package org.seed.sip.it.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.seed.sip.it.phone.Sdp.Codec;
import org.seed.sip.it.phone.Sdp.Direction;

/** The test phones' SDP: what they offer and answer (RFC 3264), and what they read from a relayed body. */
class SdpTest {

    @Test
    void offerCarriesPortFormatsAndDirection() {
        String offer = Sdp.audio(40000).offer(Direction.SENDONLY);

        assertThat(Sdp.port(offer)).isEqualTo(40000);
        assertThat(Sdp.formats(offer)).containsExactly("0", "8", "101");
        assertThat(Sdp.direction(offer)).isEqualTo(Direction.SENDONLY);
        assertThat(offer).contains("a=rtpmap:101 telephone-event/8000\r\n", "a=fmtp:101 0-15\r\n");
    }

    @Test
    void answerMirrorsTheDirectionAndKeepsTheOfferedFormatsItHas() {
        String offer = Sdp.audio(40000, Codec.PCMA, Codec.PCMU).offer(Direction.SENDONLY);

        String answer = Sdp.audio(50000).answer(offer);

        assertThat(Sdp.direction(answer)).isEqualTo(Direction.RECVONLY);
        assertThat(Sdp.formats(answer)).containsExactly("8", "0");
        assertThat(Sdp.port(answer)).isEqualTo(50000);
        assertThat(Sdp.direction(Sdp.audio(50000).answer(Sdp.audio(1).offer(Direction.INACTIVE))))
                .isEqualTo(Direction.INACTIVE);
    }

    @Test
    void eachBodyOfASessionHasAHigherVersion() {
        Sdp session = Sdp.audio(40000);

        String first = session.offer();
        String second = session.offer(Direction.SENDONLY);

        assertThat(version(second)).isEqualTo(version(first) + 1);
    }

    @Test
    void directionIsTheMediaOneElseTheSessionOneElseSendrecv() {
        String sessionLevel = "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "a=inactive\r\nm=audio 4000 RTP/AVP 0\r\n";
        String none = "v=0\r\no=x 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 4000 RTP/AVP 0\r\n";

        assertThat(Sdp.direction(sessionLevel)).isEqualTo(Direction.INACTIVE);
        assertThat(Sdp.direction(sessionLevel + "a=recvonly\r\n")).isEqualTo(Direction.RECVONLY);
        assertThat(Sdp.direction(none)).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void aBodyThatIsNotSdpFailsTheTest() {
        assertThatThrownBy(() -> Sdp.port(null)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Sdp.port("v=0\r\ns=-\r\n")).isInstanceOf(AssertionError.class);
    }

    private static long version(String sdp) {
        String origin = sdp.lines().filter(line -> line.startsWith("o=")).findFirst().orElseThrow();
        return Long.parseLong(origin.split(" ")[2]);
    }
}
