package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The offer allowances of the config table's defaults through HTTP: 5 per hour per account, 3 per
 * day per address for anonymous sellers; the next one is 429 with {@code Retry-After}; a refused
 * submission (422, 415) spends nothing. 127.0.0.1 is a trusted proxy here, so X-Forwarded-For
 * stands for the sellers' addresses.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OfferAllowancesApiTest {

    private static final TestDatabase DB = TestDatabase.create("offerallowances");
    private static final Path PHOTOS = tempDirectory();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger SEED = new AtomicInteger(100);

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "offerallowances", Map.of(
                    "providers.photos.localDirectory", PHOTOS.toString(),
                    "network.trustedProxies", "127.0.0.1/32")));

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void anAccountGetsFiveOffersAnHourAndRefusedSubmissionsSpendNothing() throws Exception {
        User seller = seller();
        String token = HttpCalls.tokenFor(seller);

        // Refusals first: had they spent allowance, the fifth offer below would be refused.
        assertThat(submit(token, null, new Multipart().file("photos", "a.jpg", "image/jpeg", photo())).statusCode())
                .isEqualTo(422);
        assertThat(submit(token, null, new Multipart()
                .file("photos", "a.gif", "image/gif", TestImages.gif(1))
                .field("description", "a gif is not a photo we take")).statusCode()).isEqualTo(415);
        assertThat(submit(token, null, new Multipart().field("description", "no photo at all")).statusCode())
                .isEqualTo(422);
        for (int i = 1; i <= 5; i++) {
            assertThat(submit(token, null, offer()).statusCode()).as("offer %d", i).isEqualTo(202);
        }

        HttpResponse<String> sixth = submit(token, null, offer());

        assertRateLimited(sixth, "offersPerHour", 3600);
        assertThat(offersOf(seller)).isEqualTo(5);
        // Another account is counted apart.
        assertThat(submit(HttpCalls.tokenFor(seller()), null, offer()).statusCode()).isEqualTo(202);
    }

    @Test
    void tenConcurrentSubmissionsOfOneAccountGetExactlyFiveThrough() throws Exception {
        User seller = seller();
        String token = HttpCalls.tokenFor(seller);

        List<HttpResponse<String>> responses = RouteLimitApiTest.concurrently(10, () -> submit(token, null, offer()));

        assertThat(responses).filteredOn(r -> r.statusCode() == 202).hasSize(5);
        assertThat(responses).filteredOn(r -> r.statusCode() != 202).hasSize(5)
                .allSatisfy(r -> assertRateLimited(r, "offersPerHour", 3600));
        assertThat(offersOf(seller)).isEqualTo(5);
    }

    @Test
    void anAnonymousSellerGetsThreeOffersADayPerAddress() throws Exception {
        String address = "203.0.113." + (SEED.incrementAndGet() % 200);
        assertThat(submit(null, address, new Multipart().file("photos", "a.jpg", "image/jpeg", photo())).statusCode())
                .isEqualTo(422);
        for (int i = 1; i <= 3; i++) {
            assertThat(submit(null, address, offer()).statusCode()).as("anonymous offer %d", i).isEqualTo(202);
        }

        assertRateLimited(submit(null, address, offer()), "anonymousOffersPerIpPerDay", 86400);

        // Another address, and a signed-in seller on the same address, are counted apart.
        assertThat(submit(null, "198.51.100.201", offer()).statusCode()).isEqualTo(202);
        assertThat(submit(HttpCalls.tokenFor(seller()), address, offer()).statusCode()).isEqualTo(202);
        long anonymousFromAddress = DB.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM offers WHERE user_id IS NULL AND host(anonymous_ip) = :ip")
                .bind("ip", address).mapTo(Long.class).one());
        assertThat(anonymousFromAddress).isEqualTo(3L);
    }

    private static void assertRateLimited(HttpResponse<String> response, String limit, long maxSeconds) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(429);
        long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, maxSeconds);
        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(body.path("statusCode").asInt()).isEqualTo(429);
        assertThat(body.path("details").path("retryAfterSeconds").asLong()).isEqualTo(retryAfter);
        assertThat(body.path("details").path("limit").asText()).isEqualTo(limit);
    }

    private static Multipart offer() {
        return new Multipart()
                .file("photos", "item.jpg", "image/jpeg", photo())
                .field("description", "Sony WH-1000XM4 headphones");
    }

    private static byte[] photo() {
        return TestImages.jpeg(SEED.incrementAndGet());
    }

    private static HttpResponse<String> submit(String token, String forwardedFor, Multipart body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/offers"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", body.contentType())
                .POST(body.publisher());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long offersOf(User seller) {
        return DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM offers WHERE user_id = :id")
                .bind("id", seller.id().value()).mapTo(Long.class).one());
    }

    private static User seller() {
        return new AccountFixtures(DB.jdbi()).account("allowance-" + UUID.randomUUID() + "@example.com",
                Set.of(Role.USER), false);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("jakebuysit-allowances");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
