package com.jakebuysit.adapters.out.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.pricing.ComparableSale;
import com.jakebuysit.domain.pricing.FmvEstimate;
import com.jakebuysit.domain.pricing.FmvEstimator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The shipped catalog and sample comparables: the invariants the local providers rely on. */
class CatalogTest {

    static final Catalog CATALOG = Catalog.shipped();
    static final SoldComparables SAMPLE = SoldComparables.shipped();

    @Test
    void holds_at_least_200_items_in_every_category() {
        assertThat(CATALOG.items()).hasSizeGreaterThanOrEqualTo(200);
        Map<Category, Long> perCategory = CATALOG.items().stream()
                .collect(Collectors.groupingBy(CatalogItem::category, Collectors.counting()));
        Set<Category> expected = EnumSet.complementOf(EnumSet.of(Category.UNKNOWN));
        assertThat(perCategory.keySet()).isEqualTo(expected);
        assertThat(perCategory.values()).allMatch(count -> count >= 20);
    }

    @Test
    void ids_are_unique_and_every_item_is_complete() {
        Set<String> ids = new HashSet<>();
        for (CatalogItem item : CATALOG.items()) {
            assertThat(ids.add(item.id())).as("duplicate id " + item.id()).isTrue();
            assertThat(item.id()).matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(item.aliases()).as(item.id()).hasSizeGreaterThanOrEqualTo(3).doesNotHaveDuplicates();
            assertThat(item.features()).as(item.id()).isNotEmpty();
            assertThat(CATALOG.byId(item.id())).contains(item);
        }
    }

    @Test
    void every_category_has_plain_words() {
        assertThat(CATALOG.categoryKeywords().keySet()).isEqualTo(EnumSet.complementOf(EnumSet.of(Category.UNKNOWN)));
    }

    @Test
    void finds_an_item_by_brand_and_model_however_it_is_written() {
        assertThat(CATALOG.find(Optional.of("apple"), "IPHONE 13 PRO")).map(CatalogItem::id).contains("apple-iphone-13-pro");
        assertThat(CATALOG.find(Optional.of("Levis"), "501 original fit jeans")).map(CatalogItem::id)
                .contains("levis-501-original-fit-jeans");
        assertThat(CATALOG.find(Optional.empty(), "Pokemon Scarlet")).map(CatalogItem::id).contains("nintendo-pokemon-scarlet");
        assertThat(CATALOG.find(Optional.of("Apple"), "iPhone 99")).isEmpty();
    }

    @Test
    void names_an_item_with_its_brand_once() {
        assertThat(CATALOG.byId("apple-iphone-13-pro").orElseThrow().displayName()).isEqualTo("Apple iPhone 13 Pro");
        assertThat(CATALOG.byId("nintendo-switch").orElseThrow().displayName()).isEqualTo("Nintendo Switch");
        assertThat(CATALOG.byId("nintendo-nintendo-64").orElseThrow().displayName()).isEqualTo("Nintendo 64");
        assertThat(CATALOG.byId("apple-apple-watch-series-8").orElseThrow().displayName()).isEqualTo("Apple Watch Series 8");
    }

    @Test
    void refuses_duplicate_ids() {
        String json = """
                {"items": [
                  {"id": "x", "category": "gaming", "subcategory": "S", "brand": "B", "model": "M", "aliases": ["b m"], "features": []},
                  {"id": "x", "category": "gaming", "subcategory": "S", "brand": "B", "model": "N", "aliases": ["b n"], "features": []}
                ]}""";
        assertThatThrownBy(() -> Catalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
    }

    @Test
    void the_comparables_say_they_are_sample_data() throws IOException {
        try (InputStream in = SoldComparables.class.getResourceAsStream(SoldComparables.RESOURCE)) {
            JsonNode root = new ObjectMapper().readTree(in);
            assertThat(root.get("sampleData").asBoolean()).isTrue();
            assertThat(root.get("notice").asText()).contains("SAMPLE DATA").contains("NOT real sales");
        }
        assertThat(SAMPLE.sampleData()).isTrue();
        assertThat(SAMPLE.itemCount()).isEqualTo(CATALOG.items().size());
    }

    @Test
    void every_item_has_at_least_five_comparables_in_several_conditions_on_a_fake_domain() {
        Instant anchor = SAMPLE.anchorDate();
        for (CatalogItem item : CATALOG.items()) {
            List<ComparableSale> sales = SAMPLE.forItem(item.id(), anchor);
            assertThat(sales).as(item.id()).hasSizeGreaterThanOrEqualTo(5);
            Set<Condition> conditions = sales.stream().map(ComparableSale::condition).collect(Collectors.toSet());
            assertThat(conditions).as(item.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(sales).as(item.id()).allSatisfy(sale -> {
                assertThat(sale.url()).startsWith("https://sold-listings.example/");
                assertThat(sale.soldAt()).isBetween(anchor.minus(Duration.ofDays(90)), anchor.minus(Duration.ofDays(2)));
            });
            assertThat(sales.stream().map(ComparableSale::url).distinct()).as(item.id()).hasSameSizeAs(sales);
        }
    }

    @Test
    void the_newest_sale_in_the_file_is_two_days_before_the_anchor() {
        Instant anchor = SAMPLE.anchorDate();
        Instant newest = CATALOG.items().stream()
                .flatMap(item -> SAMPLE.forItem(item.id(), anchor).stream())
                .map(ComparableSale::soldAt).max(Instant::compareTo).orElseThrow();

        assertThat(newest).isEqualTo(anchor.minus(Duration.ofDays(2)));
    }

    @Test
    void every_item_prices_with_outliers_fenced_off() {
        Instant anchor = SAMPLE.anchorDate();
        for (CatalogItem item : CATALOG.items()) {
            FmvEstimate estimate = FmvEstimator.standard().estimate(SAMPLE.forItem(item.id(), anchor), anchor, 5);

            assertThat(estimate).as(item.id()).isInstanceOf(FmvEstimate.Estimated.class);
            FmvEstimate.Estimated estimated = (FmvEstimate.Estimated) estimate;
            assertThat(estimated.outliers()).as(item.id()).hasSizeGreaterThanOrEqualTo(2);
            assertThat(estimated.used()).as(item.id()).hasSizeGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void the_prices_of_conditions_are_ordered_on_average() {
        Instant anchor = SAMPLE.anchorDate();
        CatalogItem phone = CATALOG.byId("apple-iphone-13-pro").orElseThrow();
        FmvEstimate.Estimated estimated = (FmvEstimate.Estimated) FmvEstimator.standard()
                .estimate(SAMPLE.forItem(phone.id(), anchor), anchor, 5);
        Map<Condition, Double> average = estimated.used().stream().collect(Collectors.groupingBy(
                ComparableSale::condition, Collectors.averagingDouble(sale -> sale.price().amount().doubleValue())));

        List<Double> byCondition = Arrays.stream(Condition.values()).filter(average::containsKey).map(average::get).toList();
        assertThat(byCondition).isSortedAccordingTo((a, b) -> Double.compare(b, a));
    }
}
