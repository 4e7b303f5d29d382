package org.seed.sip.b2bua.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReplacesHeaderTest {

    @Test
    void namesTheDialogWithToTagAsTheRecipientsOwnTag() {
        // RFC 3891 §6.1's example
        ReplacesHeader header = ReplacesHeader.parse("98732@sip.example.com;from-tag=r33th4x0r;to-tag=ff87ff");

        assertThat(header.dialog()).isEqualTo(new DialogId("98732@sip.example.com", "ff87ff", "r33th4x0r"));
        assertThat(header.earlyOnly()).isFalse();
    }

    @Test
    void readsEarlyOnlyAndIgnoresGenericParameters() {
        ReplacesHeader header = ReplacesHeader.parse("abc ; To-Tag=1 ; from-tag=2 ; early-only ; x=y");

        assertThat(header.dialog()).isEqualTo(new DialogId("abc", "1", "2"));
        assertThat(header.earlyOnly()).isTrue();
    }

    @Test
    void refusesAHeaderWithoutCallIdOrBothTags() {
        assertThatThrownBy(() -> ReplacesHeader.parse("abc;to-tag=1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplacesHeader.parse("abc;from-tag=2;to-tag=")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplacesHeader.parse(";to-tag=1;from-tag=2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplacesHeader.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesTheEscapedFormOfAReferToUriHeader() {
        // RFC 3891 §4's Refer-To example: <sips:...?Replaces=12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994>
        ReplacesHeader header = ReplacesHeader.parseEscaped("12345%40192.168.118.3%3Bto-tag%3D12345%3Bfrom-tag%3D5FFE-3994");

        assertThat(header.dialog()).isEqualTo(new DialogId("12345@192.168.118.3", "12345", "5FFE-3994"));
    }

    @Test
    void keepsAPlusOfACallIdAsItIs() {
        assertThat(ReplacesHeader.parseEscaped("a+b%3Bto-tag%3D1%3Bfrom-tag%3D2").dialog().callId()).isEqualTo("a+b");
    }

    @Test
    void refusesBadEscapes() {
        assertThatThrownBy(() -> ReplacesHeader.parseEscaped("abc%3Bto-tag%3D1%3Bfrom-tag%3D2%G1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
