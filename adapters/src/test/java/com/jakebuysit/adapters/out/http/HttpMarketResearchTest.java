package com.jakebuysit.adapters.out.http;

import static com.jakebuysit.adapters.out.http.StubProvider.hang;
import static com.jakebuysit.adapters.out.http.StubProvider.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.port.MarketResearch.Findings;
import com.jakebuysit.application.port.MarketResearch.Request;
import com.jakebuysit.application.port.ProviderFailure;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.pricing.ComparableSale;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpMarketResearchTest {

    static final String PATH = "/research";
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));
    static final Duration SHORT = Duration.ofMillis(300);

    StubProvider ai;
    HttpMarketResearch research;

    @BeforeEach
    void start() throws IOException {
        ai = new StubProvider();
        research = new HttpMarketResearch(ai.base(), SHORT, FAST);
    }

    @AfterEach
    void stop() {
        ai.close();
    }

    static Request iphone() {
        return new Request(Optional.of("Apple"), Optional.of("iPhone 13 Pro"), Category.PHONES_TABLETS, Condition.GOOD);
    }

    @Test
    void sends_the_item_and_reads_listings_with_exact_money() throws IOException {
        ai.on(PATH, json(200, """
                {"listings": [
                  {"title": "iPhone 13 Pro 256GB", "price": "412.50", "condition": "good",
                   "soldAt": "2025-05-01T10:00:00Z", "url": "https://market.example/1"},
                  {"title": "iPhone 13 Pro 128GB", "price": 2.675, "condition": "Like New",
                   "soldAt": "2025-05-02T10:00:00+02:00", "url": "https://market.example/2"},
                  {"title": "iPhone 13 Pro unlocked", "price": "$1,234.56", "condition": "Used",
                   "sold_at": "2025-05-03", "url": "https://market.example/3"},
                  {"title": "iPhone 13 Pro big number", "price": 12345678.99, "condition": "fair",
                   "soldAt": "2025-05-04T00:00:00Z", "url": "https://market.example/4"}
                ], "stats": {"median": 400}}
                """));

        Findings findings = research.research(iphone());

        assertThat(findings.source()).isEqualTo("ai-research");
        assertThat(findings.listings()).containsExactly(
                new ComparableSale("iPhone 13 Pro 256GB", Money.usd("412.50"), Condition.GOOD,
                        Instant.parse("2025-05-01T10:00:00Z"), "https://market.example/1"),
                // 2.675 read as a double is 2.67499…; read exactly it rounds half-even to 2.68
                new ComparableSale("iPhone 13 Pro 128GB", Money.usd("2.68"), Condition.LIKE_NEW,
                        Instant.parse("2025-05-02T08:00:00Z"), "https://market.example/2"),
                new ComparableSale("iPhone 13 Pro unlocked", Money.usd("1234.56"), Condition.GOOD,
                        Instant.parse("2025-05-03T00:00:00Z"), "https://market.example/3"),
                new ComparableSale("iPhone 13 Pro big number", Money.usd("12345678.99"), Condition.FAIR,
                        Instant.parse("2025-05-04T00:00:00Z"), "https://market.example/4"));

        JsonNode sent = new ObjectMapper().readTree(ai.bodies().get(0));
        assertThat(sent.toString()).isEqualTo(
                "{\"brand\":\"Apple\",\"model\":\"iPhone 13 Pro\",\"category\":\"phones_tablets\",\"condition\":\"good\"}");
    }

    @Test
    void sends_null_for_an_unknown_brand_and_model() throws IOException {
        ai.on(PATH, json(200, "{\"listings\": []}"));

        Findings findings = research.research(new Request(Optional.empty(), Optional.empty(), Category.UNKNOWN, Condition.FAIR));

        assertThat(findings.listings()).isEmpty();
        JsonNode sent = new ObjectMapper().readTree(ai.bodies().get(0));
        assertThat(sent.get("brand").isNull()).isTrue();
        assertThat(sent.get("model").isNull()).isTrue();
        assertThat(sent.get("category").asText()).isEqualTo("unknown");
    }

    @Test
    void leaves_out_listings_it_cannot_use_and_keeps_the_rest() {
        ai.on(PATH, json(200, """
                {"listings": [
                  {"title": "ok", "price": "10.00", "condition": "good", "soldAt": "2025-05-01T10:00:00Z", "url": "https://m.example/1"},
                  {"title": "free", "price": "0", "condition": "good", "soldAt": "2025-05-01T10:00:00Z", "url": "https://m.example/2"},
                  {"title": "negative", "price": -5, "condition": "good", "soldAt": "2025-05-01T10:00:00Z", "url": "https://m.example/3"},
                  {"title": "no url", "price": "10.00", "condition": "good", "soldAt": "2025-05-01T10:00:00Z"},
                  {"title": "odd condition", "price": "10.00", "condition": "sparkly", "soldAt": "2025-05-01T10:00:00Z", "url": "https://m.example/5"},
                  {"title": "bad date", "price": "10.00", "condition": "good", "soldAt": "last tuesday", "url": "https://m.example/6"},
                  {"title": "bad price", "price": "ten dollars", "condition": "good", "soldAt": "2025-05-01T10:00:00Z", "url": "https://m.example/7"},
                  "not an object"
                ]}
                """));

        assertThat(research.research(iphone()).listings()).extracting(ComparableSale::title).containsExactly("ok");
    }

    @Test
    void an_answer_without_listings_is_malformed() {
        ai.on(PATH, json(200, "{\"stats\": {}}"));

        assertThatThrownBy(() -> research.research(iphone()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isFalse());
        assertThat(ai.hits(PATH)).isEqualTo(1);
    }

    @Test
    void retries_server_errors_then_succeeds() {
        ai.on(PATH, json(502, ""), json(500, "{}"), json(200, "{\"listings\": []}"));

        assertThat(research.research(iphone()).listings()).isEmpty();
        assertThat(ai.hits(PATH)).isEqualTo(3);
    }

    @Test
    void gives_up_after_three_server_errors() {
        ai.on(PATH, json(500, "{}"));

        assertThatThrownBy(() -> research.research(iphone()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isTrue());
        assertThat(ai.hits(PATH)).isEqualTo(3);
    }

    @Test
    void a_not_found_is_not_retried() {
        ai.on(PATH, json(404, "{}"));

        assertThatThrownBy(() -> research.research(iphone()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isFalse());
        assertThat(ai.hits(PATH)).isEqualTo(1);
    }

    @Test
    void a_hanging_service_is_retried_then_fails_retryable() {
        ai.on(PATH, hang(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> research.research(iphone()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isTrue());
        assertThat(ai.hits(PATH)).isEqualTo(3);
    }
}
