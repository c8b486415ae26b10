package com.jakebuysit.domain.jake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ScriptTiersTest {

    @ParameterizedTest(name = "ratio {0}, {1} → tier {2}, {3}")
    @CsvSource({
            "0.29, first_sale, 3, straight_shooter",
            "0.30, first_sale, 3, easygoing",
            "0.60, first_sale, 3, celebratory",
            "0.10, returning, 2, straight_shooter",
            "0.49, returning, 2, easygoing",
            "0.50, returning, 3, celebratory",
            "0.20, regular, 2, straight_shooter",
            "0.45, regular, 2, easygoing",
            "0.65, regular, 2, celebratory"})
    void theMappingTable(String ratio, String familiarity, int tier, String tone) {
        ScriptPlan plan = ScriptTiers.plan(new BigDecimal(ratio), Familiarity.fromCode(familiarity));
        assertThat(plan.tier()).isEqualTo(tier);
        assertThat(plan.tone()).isEqualTo(Tone.fromCode(tone));
        assertThat(plan.voiced()).isTrue();
    }

    @Test
    void theFallbackIsTextOnlyInTheSameTone() {
        ScriptPlan planned = ScriptTiers.plan(new BigDecimal("0.55"), Familiarity.FIRST_SALE);
        ScriptPlan fallback = ScriptTiers.textOnlyFallback(planned);
        assertThat(fallback.tier()).isEqualTo(1);
        assertThat(fallback.voiced()).isFalse();
        assertThat(fallback.tone()).isEqualTo(Tone.CELEBRATORY);
    }

    @Test
    void aCustomPriceWithoutMarketValueIsEasygoing() {
        assertThat(ScriptTiers.plan(Optional.empty(), Familiarity.REGULAR)).isEqualTo(new ScriptPlan(2, Tone.EASYGOING));
    }

    @Test
    void familiarityComesFromCompletedSales() {
        assertThat(Familiarity.fromCompletedSales(0)).isEqualTo(Familiarity.FIRST_SALE);
        assertThat(Familiarity.fromCompletedSales(1)).isEqualTo(Familiarity.RETURNING);
        assertThat(Familiarity.fromCompletedSales(4)).isEqualTo(Familiarity.RETURNING);
        assertThat(Familiarity.fromCompletedSales(5)).isEqualTo(Familiarity.REGULAR);
        assertThatThrownBy(() -> Familiarity.fromCompletedSales(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTextOnlyScriptHasNoAudio() {
        assertThat(JakeScript.textOnly("Howdy! $52.80 for your Switch.").voiceUrl()).isEmpty();
        assertThatThrownBy(() -> new JakeScript(1, "Howdy", Optional.of("https://cdn.example/a.mp3")))
                .hasMessageContaining("no audio");
        assertThatThrownBy(() -> new JakeScript(4, "Howdy", Optional.empty())).hasMessageContaining("1..3");
        assertThatThrownBy(() -> ScriptTiers.toneFor(new BigDecimal("-0.1"))).isInstanceOf(IllegalArgumentException.class);
    }
}
