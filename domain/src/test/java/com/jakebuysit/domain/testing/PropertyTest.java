package com.jakebuysit.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PropertyTest {

    @Test
    void aFalsePropertyFailsNamingSeedAndInput() {
        assertThatThrownBy(() -> Property.forAll(Gen.ints(0, 1000), n -> assertThat(n).isLessThan(500)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-Dproperty.seed=")
                .hasMessageContaining("input: ");
    }

    @Test
    void aTruePropertyRunsEveryTry() {
        List<Integer> seen = new ArrayList<>();
        Property.forAll(50, Gen.ints(3, 7), seen::add);
        assertThat(seen).hasSize(50).allSatisfy(n -> assertThat(n).isBetween(3, 7));
    }

    @Test
    void generatorsReachTheirBoundsAndStayInside() {
        SplittableRandom random = new SplittableRandom(1);
        List<Integer> ints = Gen.listOf(Gen.ints(-2, 9), 500, 500).next(random);
        assertThat(ints).contains(-2, 9).allSatisfy(n -> assertThat(n).isBetween(-2, 9));
        assertThat(Gen.decimals("0.00", "1.00", 2).next(random).scale()).isEqualTo(2);
        assertThat(Gen.shuffled(List.of(1, 2, 3, 4)).next(random)).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void theSameSeedReplaysTheSameInputs() {
        Gen<List<Long>> gen = Gen.listOf(Gen.longs(0, 1_000_000), 0, 20);
        assertThat(gen.next(new SplittableRandom(42))).isEqualTo(gen.next(new SplittableRandom(42)));
    }
}
