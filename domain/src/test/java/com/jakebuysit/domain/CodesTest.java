package com.jakebuysit.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.domain.fraud.Verdict;
import com.jakebuysit.domain.jake.Familiarity;
import com.jakebuysit.domain.jake.Tone;
import com.jakebuysit.domain.ledger.EntryType;
import com.jakebuysit.domain.offer.DisputeOutcome;
import com.jakebuysit.domain.offer.EscalationAction;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.offer.RevisionState;
import com.jakebuysit.domain.pricing.PricingPath;
import com.jakebuysit.domain.trust.TrustEvent;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CodesTest {

    record Codes(Class<? extends Enum<?>> type, Function<String, ?> fromCode) {
    }

    static Stream<Codes> everyEnum() {
        return Stream.of(
                new Codes(Condition.class, Condition::fromCode),
                new Codes(Category.class, Category::fromCode),
                new Codes(PayoutMethod.class, PayoutMethod::fromCode),
                new Codes(OfferStatus.class, OfferStatus::fromCode),
                new Codes(EscalationAction.class, EscalationAction::fromCode),
                new Codes(RevisionState.class, RevisionState::fromCode),
                new Codes(DisputeOutcome.class, DisputeOutcome::fromCode),
                new Codes(PricingPath.class, PricingPath::fromCode),
                new Codes(EntryType.class, EntryType::fromCode),
                new Codes(Verdict.class, Verdict::fromCode),
                new Codes(TrustEvent.class, TrustEvent::fromCode),
                new Codes(Familiarity.class, Familiarity::fromCode),
                new Codes(Tone.class, Tone::fromCode));
    }

    @ParameterizedTest
    @MethodSource("everyEnum")
    void everyCodeRoundTripsAndIsLowerSnakeCase(Codes codes) {
        for (Enum<?> constant : codes.type().getEnumConstants()) {
            String code = ((Coded) constant).code();
            assertThat(code).matches("[a-z][a-z_]*");
            assertThat(codes.fromCode().apply(code)).isSameAs(constant);
        }
    }

    @ParameterizedTest
    @MethodSource("everyEnum")
    void unknownCodesFailNamingTheAllowedOnes(Codes codes) {
        assertThatThrownBy(() -> codes.fromCode().apply("NOPE")).isInstanceOf(UnknownCode.class)
                .hasMessageContaining("'NOPE'")
                .hasMessageContaining(((Coded) codes.type().getEnumConstants()[0]).code());
        assertThatThrownBy(() -> codes.fromCode().apply(null)).isInstanceOf(UnknownCode.class);
    }

    @Test
    void wireCodesAreExactlyTheContract() {
        assertThat(codes(Condition.values())).containsExactly("new", "like_new", "good", "fair", "poor");
        assertThat(codes(PayoutMethod.values())).containsExactly("stripe", "paypal", "jake_bucks");
        assertThat(codes(Category.values())).containsExactly("consumer_electronics", "gaming", "phones_tablets",
                "clothing_fashion", "collectibles_vintage", "books_media", "small_appliances", "tools_equipment",
                "unknown");
        assertThat(Arrays.stream(Category.values()).map(Category::displayName)).containsExactly(
                "Consumer Electronics", "Gaming", "Phones & Tablets", "Clothing & Fashion", "Collectibles & Vintage",
                "Books & Media", "Small Appliances", "Tools & Equipment", "Unknown");
        assertThat(codes(OfferStatus.values())).containsExactlyInAnyOrder("processing", "ready", "escalated",
                "rejected", "declined", "expired", "accepted", "shipped", "received", "verified", "paid", "returned",
                "disputed", "cancelled");
        assertThat(codes(EntryType.values())).containsExactlyInAnyOrder("credit", "debit", "bonus", "adjustment",
                "clawback");
        assertThat(codes(Verdict.values())).containsExactly("pass", "flag", "escalate", "reject");
        assertThat(codes(EscalationAction.values())).containsExactly("approve", "custom_price", "reject");
    }

    @Test
    void codesAreCaseSensitive() {
        assertThatThrownBy(() -> Condition.fromCode("Good")).isInstanceOf(UnknownCode.class)
                .hasMessage("unknown condition code 'Good'; expected one of: new, like_new, good, fair, poor");
        assertThatThrownBy(() -> OfferStatus.fromCode("READY")).hasMessageStartingWith("unknown offer status code");
    }

    @Test
    void conditionsAreOrderedBestFirst() {
        assertThat(Condition.NEW.isBetterThan(Condition.LIKE_NEW)).isTrue();
        assertThat(Condition.POOR.isBetterThan(Condition.FAIR)).isFalse();
        assertThat(Condition.GOOD.isBetterThan(Condition.GOOD)).isFalse();
    }

    private static List<String> codes(Coded[] values) {
        return Arrays.stream(values).map(Coded::code).toList();
    }
}
