package com.jakebuysit.adapters.out.http;

import static com.jakebuysit.adapters.out.http.StubProvider.drop;
import static com.jakebuysit.adapters.out.http.StubProvider.hang;
import static com.jakebuysit.adapters.out.http.StubProvider.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.port.ItemIdentifier.Identified;
import com.jakebuysit.application.port.ItemIdentifier.Request;
import com.jakebuysit.application.port.ProviderFailure;
import com.jakebuysit.domain.Category;
import com.jakebuysit.domain.Condition;
import com.jakebuysit.domain.offer.Item;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpItemIdentifierTest {

    static final String PATH = "/identify";
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));
    static final Duration SHORT = Duration.ofMillis(300);
    static final String IPHONE = """
            {"category": "phones_tablets", "subcategory": "Smartphones", "brand": "Apple", "model": "iPhone 13 Pro",
             "condition": "like_new", "features": ["256GB", "Sierra Blue"], "damage": ["scratched back"],
             "confidence": 0.91, "identifiers": {"imei": "490154203237518"}}
            """;

    StubProvider ai;
    HttpItemIdentifier identifier;

    @BeforeEach
    void start() throws IOException {
        ai = new StubProvider();
        identifier = new HttpItemIdentifier(ai.base(), SHORT, FAST);
    }

    @AfterEach
    void stop() {
        ai.close();
    }

    static Request request() {
        return new Request(List.of(URI.create("https://photos.example/a.jpg"), URI.create("https://photos.example/b.jpg")),
                "Apple iPhone 13 Pro 256GB", Optional.of(Category.PHONES_TABLETS), Optional.of(Condition.GOOD));
    }

    @Test
    void sends_the_photos_and_description_and_reads_the_identification() throws IOException {
        ai.on(PATH, json(200, IPHONE));

        Identified identified = identifier.identify(request());

        Item item = identified.identification().item();
        assertThat(item).isEqualTo(new Item(Category.PHONES_TABLETS, Optional.of("Smartphones"), Optional.of("Apple"),
                Optional.of("iPhone 13 Pro"), Condition.LIKE_NEW, List.of("256GB", "Sierra Blue"),
                List.of("scratched back")));
        assertThat(identified.identification().confidence()).isEqualByComparingTo("0.91");
        assertThat(identified.identifiers()).isEqualTo(Map.of("imei", "490154203237518"));

        JsonNode sent = new ObjectMapper().readTree(ai.bodies().get(0));
        assertThat(sent.get("photo_urls").toString())
                .isEqualTo("[\"https://photos.example/a.jpg\",\"https://photos.example/b.jpg\"]");
        assertThat(sent.get("user_description").asText()).isEqualTo("Apple iPhone 13 Pro 256GB");
        assertThat(sent.get("category_hint").asText()).isEqualTo("phones_tablets");
        assertThat(sent.get("condition_hint").asText()).isEqualTo("good");
        assertThat(ai.hits(PATH)).isEqualTo(1);
    }

    @Test
    void reads_categories_and_conditions_leniently() {
        ai.on(PATH, json(200, """
                {"category": "Furniture", "condition": "Like New", "confidence": "0.4"}
                """), json(200, """
                {"category": "Phones & Tablets", "brand": "  ", "confidence": 1}
                """));
        Request noHints = new Request(List.of(), "a chair", Optional.empty(), Optional.empty());

        Item unknown = identifier.identify(noHints).identification().item();
        assertThat(unknown.category()).isEqualTo(Category.UNKNOWN);
        assertThat(unknown.condition()).isEqualTo(Condition.LIKE_NEW);

        Identified phone = identifier.identify(request());
        assertThat(phone.identification().item().category()).isEqualTo(Category.PHONES_TABLETS);
        assertThat(phone.identification().item().brand()).isEmpty();
        // no condition in the answer: the seller's
        assertThat(phone.identification().item().condition()).isEqualTo(Condition.GOOD);
        assertThat(phone.identification().confidence()).isEqualByComparingTo(BigDecimal.ONE);
    }

    @Test
    void retries_a_server_error_and_succeeds() {
        ai.on(PATH, json(500, "{\"error\":\"boom\"}"), json(200, IPHONE));

        Identified identified = identifier.identify(request());

        assertThat(identified.identification().item().model()).contains("iPhone 13 Pro");
        assertThat(ai.hits(PATH)).isEqualTo(2);
    }

    @Test
    void gives_up_after_three_server_errors_as_retryable() {
        ai.on(PATH, json(503, "{\"error\":\"overloaded\"}"));

        assertThatThrownBy(() -> identifier.identify(request()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure.provider()).isEqualTo("ai-service");
                    assertThat(failure).hasMessageContaining("3 attempts").hasMessageContaining("503");
                });
        assertThat(ai.hits(PATH)).isEqualTo(3);
    }

    @Test
    void never_retries_a_client_error() {
        ai.on(PATH, json(400, "{\"error\":\"photo_urls is required\"}"));

        assertThatThrownBy(() -> identifier.identify(request()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure).hasMessageContaining("400").hasMessageContaining("photo_urls is required");
                });
        assertThat(ai.hits(PATH)).isEqualTo(1);
    }

    @Test
    void too_many_requests_is_not_retried_here_but_is_retryable_later() {
        ai.on(PATH, json(429, "{}"));

        assertThatThrownBy(() -> identifier.identify(request()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isTrue());
        assertThat(ai.hits(PATH)).isEqualTo(1);
    }

    @Test
    void garbage_is_not_retried() {
        ai.on(PATH, StubProvider.answer(200, "application/json", "<html>oops</html>".getBytes()));

        assertThatThrownBy(() -> identifier.identify(request()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure).hasMessageContaining("not JSON");
                });
        assertThat(ai.hits(PATH)).isEqualTo(1);
    }

    @Test
    void an_answer_without_a_usable_confidence_is_malformed() {
        ai.on(PATH, json(200, "{\"category\": \"gaming\"}"), json(200, "{\"confidence\": 1.5}"),
                json(200, "[1, 2]"), json(200, "{\"confidence\": 0.5} trailing"));

        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> identifier.identify(request()))
                    .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isFalse());
        }
        assertThat(ai.hits(PATH)).isEqualTo(4);
    }

    @Test
    void a_hanging_service_times_out_each_attempt_then_fails_retryable() {
        ai.on(PATH, hang(Duration.ofSeconds(10)));
        long started = System.nanoTime();

        assertThatThrownBy(() -> identifier.identify(request()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure).hasMessageContaining("timed out");
                });

        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertThat(ai.hits(PATH)).isEqualTo(3);
        assertThat(took).isGreaterThanOrEqualTo(SHORT.multipliedBy(3)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_hang_then_an_answer_succeeds() {
        ai.on(PATH, hang(Duration.ofSeconds(10)), json(200, IPHONE));

        assertThat(identifier.identify(request()).identification().item().brand()).contains("Apple");
        assertThat(ai.hits(PATH)).isEqualTo(2);
    }

    @Test
    void a_dropped_connection_is_retried() {
        ai.on(PATH, drop(), json(200, IPHONE));

        assertThat(identifier.identify(request()).identification().item().brand()).contains("Apple");
        assertThat(ai.hits(PATH)).isEqualTo(2);
    }

    @Test
    void nobody_listening_is_retried_then_retryable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        HttpItemIdentifier nowhere = new HttpItemIdentifier(URI.create("http://127.0.0.1:" + closedPort), SHORT, FAST);

        assertThatThrownBy(() -> nowhere.identify(request()))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                    assertThat(failure.retryable()).isTrue();
                    assertThat(failure).hasMessageContaining("3 attempts");
                });
    }

    @Test
    void the_base_url_may_carry_a_path() {
        ai.on("/v1/identify", json(200, IPHONE));
        HttpItemIdentifier versioned = new HttpItemIdentifier(URI.create(ai.base() + "/v1/"), SHORT, FAST);

        assertThat(versioned.identify(request()).identification().item().model()).contains("iPhone 13 Pro");
    }

    @Test
    void refuses_a_base_url_that_is_not_http() {
        assertThatThrownBy(() -> new HttpItemIdentifier(URI.create("ftp://ai.example"), SHORT, FAST))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
