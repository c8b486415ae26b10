package com.jakebuysit.adapters.out.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our Code 128 encoder, read back by ZXing from the drawn bars. */
class Code128Test {

    @Test
    void the_symbol_table_has_107_distinct_patterns_of_eleven_modules_and_a_thirteen_module_stop() {
        Set<String> seen = new HashSet<>();
        for (int symbol = 0; symbol <= Code128.STOP; symbol++) {
            String pattern = Code128.pattern(symbol);
            int width = pattern.chars().map(c -> c - '0').sum();
            assertThat(width).as("width of symbol %d", symbol).isEqualTo(symbol == Code128.STOP ? 13 : 11);
            // Bars and spaces alternate, bar first: a symbol's bars cover an even number of modules.
            int bars = 0;
            for (int i = 0; i < pattern.length(); i += 2) {
                bars += pattern.charAt(i) - '0';
            }
            assertThat(bars % 2).as("bar modules of symbol %d", symbol).isZero();
            assertThat(seen.add(pattern)).as("pattern of symbol %d is unique", symbol).isTrue();
        }
    }

    @Test
    void a_tracking_number_switches_to_set_c_for_its_digits_and_carries_the_mod_103_check() {
        List<Integer> symbols = Code128.symbols("JBI12345678901234567");

        // Start B, J B I, the odd digit in B, Code C, eight pairs, check, stop.
        assertThat(symbols).hasSize(16);
        assertThat(symbols.get(0)).isEqualTo(Code128.START_B);
        assertThat(symbols.subList(1, 5)).containsExactly('J' - 32, 'B' - 32, 'I' - 32, '1' - 32);
        assertThat(symbols.get(5)).isEqualTo(Code128.CODE_C);
        assertThat(symbols.subList(6, 14)).containsExactly(23, 45, 67, 89, 1, 23, 45, 67);
        assertThat(symbols.get(14)).isEqualTo(Code128.checkSymbol(symbols.subList(0, 14)));
        assertThat(symbols.get(15)).isEqualTo(Code128.STOP);
    }

    @Test
    void the_check_symbol_is_the_weighted_sum_modulo_103() {
        // "PJJ123C" in set B: (104 + 1×48 + 2×42 + 3×42 + 4×17 + 5×18 + 6×19 + 7×35) = 879 = 8×103 + 55.
        assertThat(Code128.checkSymbol(List.of(104, 48, 42, 42, 17, 18, 19, 35))).isEqualTo(55);
    }

    @Test
    void ten_quiet_modules_frame_the_bars() {
        boolean[] modules = Code128.modules("JBI00000000000000000");

        for (int i = 0; i < Code128.QUIET_ZONE; i++) {
            assertThat(modules[i]).isFalse();
            assertThat(modules[modules.length - 1 - i]).isFalse();
        }
        assertThat(modules[Code128.QUIET_ZONE]).isTrue();
        assertThat(modules[modules.length - Code128.QUIET_ZONE - 1]).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"JBI12345678901234567", "A", "12", "1234", "12345", "123456", "ab1234cd", "x9999999y",
        "Hello, World! ~{}|", "00", "1", "A1B2C3", "999999999999999999999", "abc12345"})
    void zxing_reads_back_what_we_encode(String data) {
        assertThat(LabelBarcodes.decode(LabelBarcodes.draw(Code128.modules(data), 3))).contains(data);
    }

    @Test
    void zxing_reads_back_five_hundred_random_strings_mixing_text_and_digit_runs() {
        Random random = new Random(128);
        for (int n = 0; n < 500; n++) {
            StringBuilder data = new StringBuilder();
            int parts = 1 + random.nextInt(4);
            for (int p = 0; p < parts; p++) {
                boolean digits = random.nextBoolean();
                int length = 1 + random.nextInt(9);
                for (int i = 0; i < length; i++) {
                    data.append(digits ? (char) ('0' + random.nextInt(10)) : (char) (32 + random.nextInt(95)));
                }
            }
            String text = data.toString();
            assertThat(LabelBarcodes.decode(LabelBarcodes.draw(Code128.modules(text), 2))).as(text).contains(text);
        }
    }

    @Test
    void refuses_what_sets_b_and_c_cannot_carry() {
        assertThatThrownBy(() -> Code128.symbols("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Code128.symbols("caf\u00e9")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Code128.symbols("tab\there")).isInstanceOf(IllegalArgumentException.class);
    }
}
