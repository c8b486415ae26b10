package com.jakebuysit.domain.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.Reason;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.rules.FraudSettings;
import com.jakebuysit.domain.testing.Fixtures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FraudRulesTest {

    private static final BusinessRules RULES = BusinessRules.defaults();
    private static final FraudSettings SETTINGS = RULES.fraudSettings();
    private static final Instant NOW = Fixtures.T0;

    @Nested
    class Velocity {
        @Test
        void aUserMayStartFiveOffersAnHourAndTwentyADay() {
            assertThat(VelocityRule.forUser(4, 19, SETTINGS).verdict()).isEqualTo(Verdict.PASS);
            Assessment hour = VelocityRule.forUser(5, 5, SETTINGS);
            assertThat(hour.verdict()).isEqualTo(Verdict.REJECT);
            assertThat(hour.reasons()).extracting(Reason::rule).containsExactly(VelocityRule.USER_HOUR);
            Assessment both = VelocityRule.forUser(5, 20, SETTINGS);
            assertThat(both.reasons()).extracting(Reason::rule)
                    .containsExactly(VelocityRule.USER_HOUR, VelocityRule.USER_DAY);
        }

        @Test
        void anAnonymousIpMayStartThreeADay() {
            assertThat(VelocityRule.forAnonymous(2, SETTINGS).passed()).isTrue();
            assertThat(VelocityRule.forAnonymous(3, SETTINGS).verdict()).isEqualTo(Verdict.REJECT);
            assertThat(VelocityRule.forAnonymous(3, SETTINGS).reasons().get(0).message()).contains("limit 3");
        }
    }

    @Nested
    class NewAccounts {
        @Test
        void anAccountIsNewForThirtyDaysAndAnonymousSellersCountAsNew() {
            assertThat(NewAccountRule.isNew(Optional.of(NOW.minus(Duration.ofDays(29))), NOW, SETTINGS)).isTrue();
            assertThat(NewAccountRule.isNew(Optional.of(NOW.minus(Duration.ofDays(30))), NOW, SETTINGS)).isFalse();
            assertThat(NewAccountRule.isNew(Optional.empty(), NOW, SETTINGS)).isTrue();
            assertThat(NewAccountRule.offerCap(Optional.empty(), NOW, SETTINGS)).contains(Money.usd("100"));
            assertThat(NewAccountRule.offerCap(Optional.of(NOW.minus(Duration.ofDays(400))), NOW, SETTINGS)).isEmpty();
        }

        @Test
        void aNewUnverifiedAccountIsPaidAboveTwoHundredOnlyOnceVerified() {
            Instant young = NOW.minus(Duration.ofDays(3));
            assertThat(NewAccountRule.payoutVerification(young, false, Money.usd("200.00"), NOW, SETTINGS).passed())
                    .isTrue();
            Assessment blocked = NewAccountRule.payoutVerification(young, false, Money.usd("200.01"), NOW, SETTINGS);
            assertThat(blocked.verdict()).isEqualTo(Verdict.REJECT);
            assertThat(blocked.reasons().get(0).message()).contains("verified").contains("$200.01");
            assertThat(NewAccountRule.payoutVerification(young, true, Money.usd("500"), NOW, SETTINGS).passed()).isTrue();
            assertThat(NewAccountRule.payoutVerification(NOW.minus(Duration.ofDays(31)), false, Money.usd("500"), NOW,
                    SETTINGS).passed()).isTrue();
        }
    }

    @Nested
    class Photos {
        @Test
        void similarityIsOneMinusHammingOverSixtyFour() {
            assertThat(PerceptualHash.similarity(0L, 0L)).isEqualByComparingTo("1");
            assertThat(PerceptualHash.similarity(0L, -1L)).isEqualByComparingTo("0");
            assertThat(PerceptualHash.hammingDistance(0b1011L, 0b0001L)).isEqualTo(2);
            assertThat(PerceptualHash.similarity(0b1011L, 0b0001L)).isEqualByComparingTo("0.96875");
            assertThat(PerceptualHash.similarity(0L, 0xFFFFL)).isEqualByComparingTo("0.75");
            assertThat(PerceptualHash.similarity(Long.MIN_VALUE, 0L)).isEqualByComparingTo("0.984375");
        }

        @Test
        void bandsAreFlagFromPointEightyAndEscalateFromPointNinetyFive() {
            assertThat(PhotoSimilarityRule.bandOf(new BigDecimal("0.79"), SETTINGS)).isEqualTo(Verdict.PASS);
            assertThat(PhotoSimilarityRule.bandOf(new BigDecimal("0.80"), SETTINGS)).isEqualTo(Verdict.FLAG);
            assertThat(PhotoSimilarityRule.bandOf(new BigDecimal("0.949"), SETTINGS)).isEqualTo(Verdict.FLAG);
            assertThat(PhotoSimilarityRule.bandOf(new BigDecimal("0.95"), SETTINGS)).isEqualTo(Verdict.ESCALATE);
        }

        @Test
        void aNearCopyOfAStockImageEscalatesAndALooseMatchFromAnotherAccountFlags() {
            long photo = 0x0F0F_0F0F_0F0F_0F0FL;
            long twoBitsOff = photo ^ 0b11L; // 62/64 = 0.96875
            long tenBitsOff = photo ^ 0x3FFL; // 54/64 = 0.84375
            Assessment stock = PhotoSimilarityRule.assess(List.of(photo),
                    List.of(KnownPhoto.stock(twoBitsOff, "stock:ps5-hero")), Optional.of(Fixtures.SELLER), SETTINGS);
            assertThat(stock.verdict()).isEqualTo(Verdict.ESCALATE);
            assertThat(stock.reasons().get(0).message()).contains("0.96875").contains("stock image")
                    .contains("stock:ps5-hero");
            Assessment other = PhotoSimilarityRule.assess(List.of(photo),
                    List.of(KnownPhoto.fromOffer(tenBitsOff, Fixtures.OTHER_SELLER, "offer:abc/photo-1")),
                    Optional.of(Fixtures.SELLER), SETTINGS);
            assertThat(other.verdict()).isEqualTo(Verdict.FLAG);
        }

        @Test
        void theSellersOwnEarlierPhotosDoNotCount() {
            long photo = 42L;
            Assessment own = PhotoSimilarityRule.assess(List.of(photo),
                    List.of(KnownPhoto.fromOffer(photo, Fixtures.SELLER, "offer:mine")), Optional.of(Fixtures.SELLER),
                    SETTINGS);
            assertThat(own.passed()).isTrue();
            Assessment anonymous = PhotoSimilarityRule.assess(List.of(photo),
                    List.of(KnownPhoto.fromOffer(photo, Fixtures.SELLER, "offer:theirs")), Optional.empty(), SETTINGS);
            assertThat(anonymous.verdict()).isEqualTo(Verdict.ESCALATE);
        }

        @Test
        void dissimilarPhotosPass() {
            assertThat(PhotoSimilarityRule.assess(List.of(0L), List.of(KnownPhoto.stock(0xFFFF_FFFFL, "stock:x")),
                    Optional.empty(), SETTINGS).passed()).isTrue();
        }
    }

    @Nested
    class Exif {
        @Test
        void aCaptureTimeAfterTheUploadIsFlagged() {
            ExifFacts future = new ExifFacts(Optional.of(NOW.plus(Duration.ofHours(1))), true, NOW, Optional.empty());
            assertThat(ExifRule.assess(future, SETTINGS).verdict()).isEqualTo(Verdict.FLAG);
            assertThat(ExifRule.assess(future, SETTINGS).reasons()).extracting(Reason::rule)
                    .containsExactly(ExifRule.FUTURE_CAPTURE);
        }

        @Test
        void clockSkewAndUnknownTimeZonesAreAllowedFor() {
            ExifFacts skewed = new ExifFacts(Optional.of(NOW.plus(Duration.ofMinutes(4))), true, NOW, Optional.empty());
            assertThat(ExifRule.assess(skewed, SETTINGS).passed()).isTrue();
            ExifFacts localTime = new ExifFacts(Optional.of(NOW.plus(Duration.ofHours(13))), false, NOW,
                    Optional.empty());
            assertThat(ExifRule.assess(localTime, SETTINGS).passed()).isTrue();
            ExifFacts tooFar = new ExifFacts(Optional.of(NOW.plus(Duration.ofHours(15))), false, NOW, Optional.empty());
            assertThat(ExifRule.assess(tooFar, SETTINGS).verdict()).isEqualTo(Verdict.FLAG);
        }

        @Test
        void editingSoftwareIsFlaggedButPhoneFirmwareIsNot() {
            ExifFacts edited = new ExifFacts(Optional.empty(), false, NOW, Optional.of("Adobe Photoshop 25.1 (Macintosh)"));
            assertThat(ExifRule.assess(edited, SETTINGS).reasons()).extracting(Reason::rule)
                    .containsExactly(ExifRule.EDITING_SOFTWARE);
            assertThat(ExifRule.isEditor("GIMP 2.10.36")).isTrue();
            assertThat(ExifRule.isEditor("Snapseed 2.0")).isTrue();
            assertThat(ExifRule.isEditor("iOS 17.4.1")).isFalse();
            assertThat(ExifRule.isEditor("HDR+ 1.0.540104767zd")).isFalse();
        }

        @Test
        void switchedOffChecksDoNotFlag() {
            FraudSettings off = new FraudSettings(SETTINGS.photoSimilarityFlag(), SETTINGS.photoSimilarityEscalate(),
                    5, 20, 3, 30, new BigDecimal("100"), new BigDecimal("200"), false, false);
            ExifFacts both = new ExifFacts(Optional.of(NOW.plus(Duration.ofDays(2))), true, NOW, Optional.of("GIMP"));
            assertThat(ExifRule.assess(both, off).passed()).isTrue();
            assertThat(ExifRule.assess(both, SETTINGS).reasons()).hasSize(2);
        }
    }

    @Nested
    class TrustSpendAndPayouts {
        @Test
        void trustBelowThirtyEscalates() {
            assertThat(TrustRule.assess(TrustScore.of(29), RULES.trust()).verdict()).isEqualTo(Verdict.ESCALATE);
            assertThat(TrustRule.assess(TrustScore.of(30), RULES.trust()).passed()).isTrue();
        }

        @Test
        void passingTheDailySpendCapHoldsForReview() {
            assertThat(DailySpendRule.assess(Money.usd("9900"), Money.usd("100"), RULES.pricingRules()).passed())
                    .isTrue();
            Assessment held = DailySpendRule.assess(Money.usd("9900"), Money.usd("100.01"), RULES.pricingRules());
            assertThat(held.verdict()).isEqualTo(Verdict.ESCALATE);
            assertThat(held.reasons().get(0).message()).contains("$10,000.00").contains("held for review");
        }

        @Test
        void payoutGate() {
            Instant old = NOW.minus(Duration.ofDays(400));
            PayoutFacts clean = new PayoutFacts(Money.usd("300"), TrustScore.of(85), old, false, Money.ZERO, false, NOW);
            assertThat(PayoutGate.assess(clean, RULES).passed()).isTrue();
            PayoutFacts ordinary = new PayoutFacts(Money.usd("300"), TrustScore.of(79), old, false, Money.ZERO, false,
                    NOW);
            assertThat(PayoutGate.assess(ordinary, RULES).verdict()).isEqualTo(Verdict.FLAG);
            PayoutFacts blocklisted = new PayoutFacts(Money.usd("300"), TrustScore.of(90), old, false, Money.ZERO,
                    true, NOW);
            assertThat(PayoutGate.assess(blocklisted, RULES).verdict()).isEqualTo(Verdict.ESCALATE);
            PayoutFacts inDebt = new PayoutFacts(Money.usd("300"), TrustScore.of(90), old, false, Money.usd("0.01"),
                    false, NOW);
            assertThat(PayoutGate.assess(inDebt, RULES).verdict()).isEqualTo(Verdict.REJECT);
            PayoutFacts newAndBig = new PayoutFacts(Money.usd("250"), TrustScore.of(50), NOW.minus(Duration.ofDays(2)),
                    false, Money.usd("5"), true, NOW);
            Assessment all = PayoutGate.assess(newAndBig, RULES);
            assertThat(all.verdict()).isEqualTo(Verdict.REJECT);
            assertThat(all.reasons()).extracting(Reason::rule).containsExactly(PayoutGate.DEBT,
                    NewAccountRule.VERIFY_BEFORE_PAYOUT, PayoutGate.BLOCKLIST, PayoutGate.MANUAL_HOLD);
        }
    }

    @Nested
    class Screening {
        @Test
        void combinesEveryCheck() {
            OfferScreening.Facts facts = new OfferScreening.Facts(Optional.of(Fixtures.SELLER), 1, 3, List.of(7L),
                    List.of(KnownPhoto.stock(7L, "stock:1")),
                    List.of(new ExifFacts(Optional.empty(), false, NOW, Optional.of("Lightroom"))), TrustScore.of(25));
            Assessment result = OfferScreening.assess(facts, RULES);
            assertThat(result.verdict()).isEqualTo(Verdict.ESCALATE);
            assertThat(result.reasons()).extracting(Reason::rule).containsExactly(PhotoSimilarityRule.RULE,
                    ExifRule.EDITING_SOFTWARE, TrustRule.RULE);
        }

        @Test
        void anonymousOffersAreLimitedPerIp() {
            OfferScreening.Facts facts = new OfferScreening.Facts(Optional.empty(), 0, 3, List.of(), List.of(),
                    List.of(), TrustScore.of(50));
            assertThat(OfferScreening.assess(facts, RULES).reasons()).extracting(Reason::rule)
                    .containsExactly(VelocityRule.ANONYMOUS_IP_DAY);
        }
    }
}
