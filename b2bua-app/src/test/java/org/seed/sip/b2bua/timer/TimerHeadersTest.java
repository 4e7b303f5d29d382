package org.seed.sip.b2bua.timer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class TimerHeadersTest {

    @Test
    void rfc4028Section5MinSeIsDeltaSecondsWithIgnoredParameters() {
        assertThat(TimerHeaders.minSe("90")).isEqualTo(90);
        assertThat(TimerHeaders.minSe(" 3600 ;x-foo=bar")).isEqualTo(3600);
    }

    @Test
    void anAbsentMinSeIsNoValue() {
        assertThat(TimerHeaders.minSe(null)).isNull();
    }

    @Test
    void rfc4028Section5MinSeThatIsNotDeltaSecondsIsMalformed() {
        assertThatThrownBy(() -> TimerHeaders.minSe("ninety")).isInstanceOf(MalformedTimerHeaderException.class)
                .hasMessage("Invalid Min-SE");
        assertThatThrownBy(() -> TimerHeaders.minSe("")).isInstanceOf(MalformedTimerHeaderException.class);
    }

    @Test
    void rfc3261Section20_37TimerTagFoundInAnyHeaderOfAList() {
        assertThat(TimerHeaders.listsTimer(List.of("100rel", "replaces, timer"))).isTrue();
        assertThat(TimerHeaders.listsTimer(List.of(" Timer "))).isTrue();
    }

    @Test
    void noTimerTagMeansNoSupport() {
        assertThat(TimerHeaders.listsTimer(List.of())).isFalse();
        assertThat(TimerHeaders.listsTimer(List.of("100rel, timers", "path"))).isFalse();
    }
}
