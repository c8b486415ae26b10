package com.jakebuysit.adapters.out.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.application.port.MarketResearch.Findings;
import com.jakebuysit.application.port.MarketResearch.Request;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.pricing.ComparableSale;
import com.jakebuysit.domain.pricing.FmvEstimate;
import com.jakebuysit.domain.pricing.FmvEstimator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalMarketResearchTest {

    static final Instant NOW = Instant.parse("2031-03-15T09:30:00Z");

    static LocalMarketResearch at(Instant now) {
        return new LocalMarketResearch(Clock.fixed(now, ZoneOffset.UTC));
    }

    static Request iphone() {
        return new Request(Optional.of("Apple"), Optional.of("iPhone 13 Pro"), Category.PHONES_TABLETS, Condition.GOOD);
    }

    @Test
    void finds_the_items_sample_comparables_in_every_condition() {
        Findings findings = at(NOW).research(iphone());

        assertThat(findings.source()).isEqualTo("sample-data");
        assertThat(findings.listings()).hasSizeGreaterThanOrEqualTo(5);
        assertThat(findings.listings()).extracting(ComparableSale::condition).contains(Condition.GOOD, Condition.FAIR);
        assertThat(findings.listings()).allSatisfy(sale -> assertThat(sale.title()).contains("iPhone 13 Pro"));
    }

    @Test
    void dates_follow_the_clock_so_the_data_never_goes_stale() {
        List<ComparableSale> now = at(NOW).research(iphone()).listings();
        List<ComparableSale> later = at(NOW.plus(Duration.ofDays(400))).research(iphone()).listings();

        assertThat(now).allSatisfy(sale -> assertThat(sale.soldAt())
                .isBetween(NOW.minus(Duration.ofDays(90)), NOW.minus(Duration.ofDays(2))));
        for (int i = 0; i < now.size(); i++) {
            assertThat(Duration.between(now.get(i).soldAt(), later.get(i).soldAt())).isEqualTo(Duration.ofDays(400));
            assertThat(later.get(i).price()).isEqualTo(now.get(i).price());
        }
    }

    @Test
    void the_newest_sale_overall_is_two_days_old() {
        // the file's newest sale belongs to its first item
        CatalogItem first = Catalog.shipped().items().get(0);
        List<ComparableSale> sales = at(NOW).research(new Request(Optional.of(first.brand()), Optional.of(first.model()),
                first.category(), Condition.GOOD)).listings();

        assertThat(sales).extracting(ComparableSale::soldAt).contains(NOW.minus(Duration.ofDays(2)));
    }

    @Test
    void the_domain_prices_from_them_at_any_date() {
        for (Instant now : List.of(NOW, Instant.parse("2024-01-01T00:00:00Z"))) {
            List<ComparableSale> sales = at(now).research(iphone()).listings();

            assertThat(FmvEstimator.standard().estimate(sales, now, 5)).isInstanceOf(FmvEstimate.Estimated.class);
        }
    }

    @Test
    void matches_brand_and_model_loosely() {
        Findings lower = at(NOW).research(new Request(Optional.of("apple"), Optional.of("iphone 13 pro"),
                Category.PHONES_TABLETS, Condition.GOOD));
        Findings noBrand = at(NOW).research(new Request(Optional.empty(), Optional.of("Pokémon Scarlet"),
                Category.GAMING, Condition.GOOD));

        assertThat(lower.listings()).isEqualTo(at(NOW).research(iphone()).listings());
        assertThat(noBrand.listings()).isNotEmpty();
    }

    @Test
    void an_unknown_item_has_no_comparables() {
        assertThat(at(NOW).research(new Request(Optional.of("Acme"), Optional.of("Rocket Skates"), Category.UNKNOWN,
                Condition.GOOD)).listings()).isEmpty();
        assertThat(at(NOW).research(new Request(Optional.of("Apple"), Optional.empty(), Category.PHONES_TABLETS,
                Condition.GOOD)).listings()).isEmpty();
    }

    @Test
    void what_the_local_identifier_finds_has_comparables() {
        var identified = new LocalItemIdentifier().identify(new com.jakebuysit.application.port.ItemIdentifier.Request(
                List.of(), "Dyson V15 Detect, like new", Optional.empty(), Optional.empty()));
        var item = identified.identification().item();

        Findings findings = at(NOW).research(new Request(item.brand(), item.model(), item.category(), item.condition()));

        assertThat(findings.listings()).hasSizeGreaterThanOrEqualTo(5);
    }
}
