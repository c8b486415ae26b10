package com.jakebuysit.domain.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.domain.Reason;
import com.jakebuysit.domain.testing.Gen;
import com.jakebuysit.domain.testing.Property;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AssessmentTest {

    @Test
    void worstWinsAndReasonsAreConcatenatedInOrder() {
        Assessment combined = Assessment.combine(Assessment.flag("a", "one"), Assessment.pass(),
                Assessment.escalate("b", "two"), Assessment.flag("c", "three"));
        assertThat(combined.verdict()).isEqualTo(Verdict.ESCALATE);
        assertThat(combined.reasons()).extracting(Reason::rule).containsExactly("a", "b", "c");
        assertThat(Assessment.combine(List.of())).isEqualTo(Assessment.pass());
    }

    @Test
    void anythingButPassNeedsAReason() {
        assertThatThrownBy(() -> new Assessment(Verdict.FLAG, List.of())).hasMessageContaining("needs a reason");
    }

    @Test
    void combiningIsTheWorstVerdictAndAllReasonsForAnyList() {
        Gen<Assessment> one = Gen.pairs(Gen.enumOf(Verdict.class), Gen.ints(0, 99)).map(p -> p.first() == Verdict.PASS
                ? Assessment.pass() : Assessment.of(p.first(), "rule" + p.second(), "why " + p.second()));
        Property.forAll(Gen.listOf(one, 0, 8), list -> {
            Assessment combined = Assessment.combine(list);
            Verdict worst = list.stream().map(Assessment::verdict).max(Comparator.naturalOrder()).orElse(Verdict.PASS);
            assertThat(combined.verdict()).isEqualTo(worst);
            List<Reason> reasons = new ArrayList<>();
            list.forEach(a -> reasons.addAll(a.reasons()));
            assertThat(combined.reasons()).isEqualTo(reasons);
            // combining is associative: pairwise folding gives the same
            Assessment folded = list.stream().reduce(Assessment.pass(), Assessment::and);
            assertThat(folded).isEqualTo(combined);
        });
    }

    @Test
    void photoSimilarityIsSymmetricAndExact() {
        Property.forAll(Gen.pairs(Gen.anyLong(), Gen.ints(0, 64)), pair -> {
            long a = pair.first();
            int flips = pair.second();
            long b = a ^ bits(flips, new SplittableRandom(a));
            assertThat(PerceptualHash.hammingDistance(a, b)).isEqualTo(flips);
            BigDecimal similarity = PerceptualHash.similarity(a, b);
            assertThat(similarity).isEqualByComparingTo(BigDecimal.ONE.subtract(
                    BigDecimal.valueOf(flips).divide(BigDecimal.valueOf(64))));
            assertThat(PerceptualHash.similarity(b, a)).isEqualTo(similarity);
        });
    }

    /** A mask with exactly {@code count} distinct bits set. */
    private static long bits(int count, SplittableRandom random) {
        long mask = 0;
        while (Long.bitCount(mask) < count) {
            mask |= 1L << random.nextInt(64);
        }
        return mask;
    }
}
