package com.jakebuysit.domain.trust;

import static com.jakebuysit.domain.trust.TrustEvent.COMPLETED_SALE;
import static com.jakebuysit.domain.trust.TrustEvent.FRAUD_FLAG;
import static com.jakebuysit.domain.trust.TrustEvent.LOST_DISPUTE;
import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.rules.TrustRules;
import com.jakebuysit.domain.testing.Gen;
import com.jakebuysit.domain.testing.Property;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustScoringTest {

    private final TrustRules rules = TrustRules.defaults();

    @Test
    void startsAtFifty() {
        assertThat(TrustScoring.replay(List.of(), rules)).isEqualTo(TrustScore.of(50));
    }

    @Test
    void aCompletedSaleMovesAFifthOfTheWayToHundred() {
        assertThat(apply(50, COMPLETED_SALE)).isEqualTo(60);
        assertThat(apply(60, COMPLETED_SALE)).isEqualTo(68);
        assertThat(apply(68, COMPLETED_SALE)).isEqualTo(75); // 74.4, rounded toward 100
    }

    @Test
    void aFraudFlagMovesThreeTenthsOfTheWayToZero() {
        assertThat(apply(50, FRAUD_FLAG)).isEqualTo(35);
        assertThat(apply(35, FRAUD_FLAG)).isEqualTo(24); // 24.5, rounded toward 0
    }

    @Test
    void aLostDisputeHalvesTheScore() {
        assertThat(apply(50, LOST_DISPUTE)).isEqualTo(25);
        assertThat(apply(25, LOST_DISPUTE)).isEqualTo(12);
    }

    @Test
    void roundingTowardTheTargetNeverStallsShortOfTheBounds() {
        assertThat(apply(98, COMPLETED_SALE)).isEqualTo(99);
        assertThat(apply(99, COMPLETED_SALE)).isEqualTo(100);
        assertThat(apply(100, COMPLETED_SALE)).isEqualTo(100);
        assertThat(apply(1, FRAUD_FLAG)).isZero();
        assertThat(apply(0, LOST_DISPUTE)).isZero();
    }

    @Test
    void replayAppliesEventsInOrder() {
        assertThat(TrustScoring.replay(List.of(COMPLETED_SALE, COMPLETED_SALE, LOST_DISPUTE), rules))
                .isEqualTo(TrustScore.of(34));
        assertThat(TrustScoring.replay(List.of(LOST_DISPUTE, COMPLETED_SALE, COMPLETED_SALE), rules))
                .isEqualTo(TrustScore.of(52));
    }

    @Test
    void thresholds() {
        assertThat(TrustScoring.escalatesEveryOffer(TrustScore.of(29), rules)).isTrue();
        assertThat(TrustScoring.escalatesEveryOffer(TrustScore.of(30), rules)).isFalse();
        assertThat(TrustScoring.skipsPayoutHold(TrustScore.of(80), rules)).isTrue();
        assertThat(TrustScoring.skipsPayoutHold(TrustScore.of(79), rules)).isFalse();
    }

    @Test
    void everyEventMovesTowardItsTargetWithoutPassingIt() {
        Gen<Integer> scores = Gen.ints(0, 100);
        Property.forAll(Gen.pairs(scores, Gen.enumOf(TrustEvent.class)), pair -> {
            int before = pair.first();
            TrustEvent event = pair.second();
            int after = apply(before, event);
            int target = event.target();
            assertThat(Math.abs(target - after)).isLessThanOrEqualTo(Math.abs(target - before));
            if (before != target) {
                assertThat(after).isNotEqualTo(before);
            }
            assertThat(after).isBetween(0, 100);
        });
    }

    @Test
    void anyHistoryStaysInRangeAndSalesNeverLowerIt() {
        Property.forAll(Gen.listOf(Gen.enumOf(TrustEvent.class), 0, 60), events -> {
            TrustScore score = TrustScoring.initial(rules);
            for (TrustEvent event : events) {
                TrustScore next = TrustScoring.apply(score, event, rules);
                if (event == COMPLETED_SALE) {
                    assertThat(next.value()).isGreaterThanOrEqualTo(score.value());
                } else {
                    assertThat(next.value()).isLessThanOrEqualTo(score.value());
                }
                score = next;
            }
            assertThat(score).isEqualTo(TrustScoring.replay(events, rules));
        });
    }

    private int apply(int score, TrustEvent event) {
        return TrustScoring.apply(TrustScore.of(score), event, rules).value();
    }
}
