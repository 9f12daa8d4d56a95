package dk.kk.gevinstspor.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which characters the service refuses to store. */
class TextTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain Danish: Økonomiforvaltningen, æøå|true",
            "tab, line feed, carriage return|true",
            "an emoji (a surrogate pair)|true",
            "NUL|false",
            "bell|false",
            "DEL|false",
            "a byte-order mark inside|false",
            "a lone high surrogate at the end|false",
            "a lone low surrogate|false" })
    void accepts_printable_text_and_refuses_what_cannot_be_stored(String what, boolean acceptable) {
        String text = switch (what) {
            case "plain Danish: Økonomiforvaltningen, æøå" -> "Økonomiforvaltningen, æøå";
            case "tab, line feed, carriage return" -> "a\tb\nc\r\n";
            case "an emoji (a surrogate pair)" -> "mål nået \uD83C\uDF89";
            case "NUL" -> "før\u0000efter";
            case "bell" -> "BUF\u0007";
            case "DEL" -> "BUF\u007F";
            case "a byte-order mark inside" -> "\uFEFFBUF-2026-01";
            case "a lone high surrogate at the end" -> "tekst\uD800";
            default -> "\uDC00tekst";
        };
        assertThat(Text.acceptable(text)).isEqualTo(acceptable);
        assertThat(Text.invalidCharacterAt(text) >= 0).isEqualTo(!acceptable);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "'før\u0000efter',3", "'ok',-1" })
    void names_the_first_refused_character(String text, int index) {
        assertThat(Text.invalidCharacterAt(text)).isEqualTo(index);
    }
}
