package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.testing.MutableClock;
import com.jakebuysit.domain.testing.OfferBuilder;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seller's answers over HTTP on the real PostgreSQL and Redis: accept (with a label from the
 * local carrier, idempotency, claims, races, expiry), decline and dispute, and who may do each.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OfferActionsApiTest {

    private static final TestDatabase DB = TestDatabase.migrated("offeractions");
    private static final Path PHOTOS = tempDirectory();

    static {
        // These tests fire hundreds of requests from one account within a minute on purpose.
        DB.jdbi().useHandle(h -> h.execute(
                "UPDATE config SET value = jsonb_set(value, '{routePerMinute}', '100000') WHERE key = 'rate_limits'"));
    }

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "offeractions",
                    Map.of("providers.photos.localDirectory", PHOTOS.toString())));

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String ADDRESS = """
            {"name":"Pat Seller","street1":"1 Main St","city":"Austin","state":"TX","zip":"78701","country":"US"}""";
    private static final String ACCEPT_JAKE_BUCKS = "{\"payoutMethod\":\"jake_bucks\",\"address\":" + ADDRESS + "}";

    private static AccountFixtures accounts;
    private static JdbiOffers offers;
    private static HttpCalls http;

    @BeforeAll
    static void setUp() {
        accounts = new AccountFixtures(DB.jdbi());
        offers = new JdbiOffers(DB.jdbi());
        http = new HttpCalls(APP.getLocalPort());
    }

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    // ---- accept ------------------------------------------------------------------------------

    @Test
    void acceptingAReadyOfferBuysOneLabelAndAnswersWithTheShipment() throws Exception {
        User seller = seller();
        Offer offer = readyOffer(seller.id(), "180.00");

        HttpResponse<String> response = send("POST", "/api/v1/offers/" + offer.id() + "/accept", seller,
                ACCEPT_JAKE_BUCKS, Map.of("Idempotency-Key", "accept-" + UUID.randomUUID(), "User-Agent", "JakeApp/1"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("offer").path("status").asText()).isEqualTo("accepted");
        assertThat(body.path("offer").path("acceptedAt").asText()).isNotBlank();
        JsonNode shipment = body.path("shipment");
        assertThat(shipment.path("offerId").asText()).isEqualTo(offer.id().toString());
        assertThat(shipment.path("status").asText()).isEqualTo("label_created");
        assertThat(shipment.path("trackingNumber").asText()).isNotBlank();
        assertThat(shipment.path("carrier").asText()).isNotBlank();

        HttpResponse<byte[]> label = HTTP.send(HttpRequest.newBuilder(
                        URI.create(absolute(shipment.path("labelUrl").asText()))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(label.statusCode()).isEqualTo(200);
        assertThat(label.headers().firstValue("Content-Type").orElse("")).matches("application/pdf|image/png");

        assertThat(shipmentsOf(offer.id())).isEqualTo(1);
        // The offer leads back to its shipment, for a seller who lost the accept answer.
        JsonNode reread = HttpCalls.body(send("GET", "/api/v1/offers/" + offer.id(), seller, "", Map.of()));
        assertThat(reread.path("shipmentId").asText()).isEqualTo(shipment.path("id").asText());
        Map<String, Object> audit = DB.jdbi().withHandle(h -> h.createQuery("""
                        SELECT actor_id::text AS actor, host(ip) AS ip, user_agent AS ua, request_id AS rid,
                               before->>'status' AS before, after->>'status' AS after
                          FROM audit_log WHERE entity_id = :id AND action = 'offer.accepted'""")
                .bind("id", offer.id().toString()).mapToMap().one());
        assertThat(audit).containsEntry("actor", seller.id().toString()).containsEntry("ua", "JakeApp/1")
                .containsEntry("before", "ready").containsEntry("after", "accepted");
        assertThat((String) audit.get("ip")).isIn("127.0.0.1", "::1");
        assertThat((String) audit.get("rid")).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
    }

    @Test
    void sixtyFourConcurrentAcceptsOfOneOfferMakeOneShipmentAndOneLabel() throws Exception {
        User seller = seller();
        Offer offer = readyOffer(seller.id(), "75.00");

        List<HttpResponse<String>> answers = concurrently(64, i -> send("POST",
                "/api/v1/offers/" + offer.id() + "/accept", seller, ACCEPT_JAKE_BUCKS,
                Map.of("Idempotency-Key", "race-" + i)));

        assertThat(answers).filteredOn(r -> r.statusCode() == 200).hasSize(1);
        assertThat(answers).filteredOn(r -> r.statusCode() == 409).hasSize(63)
                .allSatisfy(r -> assertThat(HttpCalls.body(r).path("statusCode").asInt()).isEqualTo(409));
        assertThat(shipmentsOf(offer.id())).isEqualTo(1);
        assertThat(labelFilesOf(offer.id())).isEqualTo(1);
        assertThat(offers.byId(offer.id()).orElseThrow().status()).isEqualTo(OfferStatus.ACCEPTED);
    }

    @Test
    void oneHundredConcurrentRequestsWithOneKeyHaveOneEffectAndIdenticalAnswers() throws Exception {
        User seller = seller();
        Offer offer = readyOffer(seller.id(), "60.00");
        String key = "one-key-" + UUID.randomUUID();

        List<HttpResponse<String>> answers = concurrently(100, i -> send("POST",
                "/api/v1/offers/" + offer.id() + "/accept", seller, ACCEPT_JAKE_BUCKS, Map.of("Idempotency-Key", key)));

        assertThat(answers).allSatisfy(r -> assertThat(r.statusCode()).as(r.body()).isEqualTo(200));
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(answers).filteredOn(r -> r.headers().firstValue("Idempotent-Replayed").isPresent()).hasSize(99);
        assertThat(shipmentsOf(offer.id())).isEqualTo(1);
        assertThat(auditCount(offer.id(), "offer.accepted")).isEqualTo(1);

        HttpResponse<String> other = send("POST", "/api/v1/offers/" + offer.id() + "/accept", seller,
                "{\"payoutMethod\":\"jake_bucks\",\"address\":" + ADDRESS.replace("1 Main St", "2 Main St") + "}",
                Map.of("Idempotency-Key", key));
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(HttpCalls.body(other).path("code").asText()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(shipmentsOf(offer.id())).isEqualTo(1);
    }

    @Test
    void acceptingAfterExpiryIs409AndChangesNothing() throws Exception {
        User seller = seller();
        MutableClock clock = new MutableClock(Instant.now().minus(Duration.ofDays(8)));
        Offer stale = OfferBuilder.anOffer().by(seller.id()).inStatus(OfferStatus.READY).on(clock).build();
        offers.insert(stale, new Offers.Origin(Optional.empty(), Optional.empty()));

        HttpResponse<String> response = send("POST", "/api/v1/offers/" + stale.id() + "/accept", seller,
                ACCEPT_JAKE_BUCKS, Map.of());

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(HttpCalls.body(response).path("code").asText()).isEqualTo("OFFER_EXPIRED");
        assertThat(offers.byId(stale.id()).orElseThrow().status()).isEqualTo(OfferStatus.READY);
        assertThat(shipmentsOf(stale.id())).isZero();
    }

    @Test
    void anOfferThatIsNotReadyIs409() throws Exception {
        User seller = seller();
        Offer declined = readyOffer(seller.id(), "50.00");
        offers.update(declined.decline(Optional.empty(), java.time.Clock.systemUTC()));
        HttpResponse<String> response = send("POST", "/api/v1/offers/" + declined.id() + "/accept", seller,
                ACCEPT_JAKE_BUCKS, Map.of());
        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(HttpCalls.body(response).path("code").asText()).isEqualTo("ILLEGAL_TRANSITION");
    }

    @Test
    void anAnonymousOfferIsClaimedOnlyWithItsStreamToken() throws Exception {
        String streamToken = "stream-" + UUID.randomUUID();
        Offer anonymous = OfferBuilder.anOffer().anonymous().inStatus(OfferStatus.READY)
                .on(new MutableClock(Instant.now().minus(Duration.ofMinutes(5)))).build();
        offers.insert(anonymous, new Offers.Origin(Optional.of("203.0.113.9"), Optional.of(sha256(streamToken))));
        User buyer = seller();

        HttpResponse<String> without = send("POST", "/api/v1/offers/" + anonymous.id() + "/accept", buyer,
                ACCEPT_JAKE_BUCKS, Map.of());
        HttpResponse<String> wrong = send("POST", "/api/v1/offers/" + anonymous.id() + "/accept", buyer,
                ACCEPT_JAKE_BUCKS, Map.of("X-Stream-Token", "not-it"));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(wrong.statusCode()).isEqualTo(403);
        assertThat(offers.byId(anonymous.id()).orElseThrow().sellerId()).isEmpty();

        HttpResponse<String> claimed = send("POST", "/api/v1/offers/" + anonymous.id() + "/accept", buyer,
                ACCEPT_JAKE_BUCKS, Map.of("X-Stream-Token", streamToken));
        assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(200);
        assertThat(HttpCalls.body(claimed).path("offer").path("userId").asText()).isEqualTo(buyer.id().toString());
        assertThat(offers.byId(anonymous.id()).orElseThrow().sellerId()).contains(buyer.id());
    }

    @Test
    void badInputIs422AndLeavesTheOfferReady() throws Exception {
        User seller = seller();
        Offer offer = readyOffer(seller.id(), "40.00");
        String path = "/api/v1/offers/" + offer.id() + "/accept";

        assertRefused(send("POST", path, seller, "{\"payoutMethod\":\"gold\",\"address\":" + ADDRESS + "}", Map.of()),
                422, "payoutMethod");
        assertRefused(send("POST", path, seller, "{\"address\":" + ADDRESS + "}", Map.of()), 422, "payoutMethod");
        assertRefused(send("POST", path, seller, "{\"payoutMethod\":\"jake_bucks\"}", Map.of()), 422, "address");
        assertRefused(send("POST", path, seller, "{\"payoutMethod\":\"jake_bucks\",\"address\":"
                + ADDRESS.replace("78701", "7870") + "}", Map.of()), 422, "address");
        // Stripe without payout details on the account.
        assertRefused(send("POST", path, seller, "{\"payoutMethod\":\"stripe\",\"address\":" + ADDRESS + "}",
                Map.of()), 422, "payoutMethod");
        assertThat(send("POST", path, seller, "{not json", Map.of()).statusCode()).isEqualTo(400);
        assertThat(send("POST", path, seller, ACCEPT_JAKE_BUCKS, Map.of("Idempotency-Key", "k".repeat(256)))
                .statusCode()).isEqualTo(400);

        assertThat(offers.byId(offer.id()).orElseThrow().status()).isEqualTo(OfferStatus.READY);
        assertThat(shipmentsOf(offer.id())).isZero();
    }

    @Test
    void aRefusalIsReplayedForTheSameKey() throws Exception {
        User seller = seller();
        Offer offer = readyOffer(seller.id(), "40.00");
        String body = "{\"payoutMethod\":\"paypal\",\"address\":" + ADDRESS + "}";
        HttpResponse<String> first = send("POST", "/api/v1/offers/" + offer.id() + "/accept", seller, body,
                Map.of("Idempotency-Key", "refused-once"));
        HttpResponse<String> again = send("POST", "/api/v1/offers/" + offer.id() + "/accept", seller, body,
                Map.of("Idempotency-Key", "refused-once"));
        assertThat(first.statusCode()).isEqualTo(422);
        assertThat(again.statusCode()).isEqualTo(422);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
    }

    // ---- decline and dispute -----------------------------------------------------------------

    @Test
    void aSellerDeclinesAReadyOfferOnce() throws Exception {
        User seller = seller();
        Offer offer = readyOffer(seller.id(), "33.00");

        HttpResponse<String> declined = send("POST", "/api/v1/offers/" + offer.id() + "/decline", seller,
                "{\"reason\":\"too low\"}", Map.of());
        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.body(declined).path("status").asText()).isEqualTo("declined");
        assertThat(auditCount(offer.id(), "offer.declined")).isEqualTo(1);

        HttpResponse<String> again = send("POST", "/api/v1/offers/" + offer.id() + "/decline", seller, "{}", Map.of());
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(send("POST", "/api/v1/offers/" + offer.id() + "/accept", seller, ACCEPT_JAKE_BUCKS, Map.of())
                .statusCode()).isEqualTo(409);
    }

    @Test
    void anAnonymousSellerDeclinesWithTheStreamToken() throws Exception {
        String streamToken = "stream-" + UUID.randomUUID();
        Offer anonymous = OfferBuilder.anOffer().anonymous().inStatus(OfferStatus.READY)
                .on(new MutableClock(Instant.now().minus(Duration.ofMinutes(5)))).build();
        offers.insert(anonymous, new Offers.Origin(Optional.of("203.0.113.10"), Optional.of(sha256(streamToken))));

        assertThat(send("POST", "/api/v1/offers/" + anonymous.id() + "/decline", null, "{}", Map.of()).statusCode())
                .isEqualTo(401);
        assertThat(send("POST", "/api/v1/offers/" + anonymous.id() + "/decline", null, "{}",
                Map.of("X-Stream-Token", "wrong")).statusCode()).isEqualTo(403);
        HttpResponse<String> declined = send("POST", "/api/v1/offers/" + anonymous.id() + "/decline", null, "{}",
                Map.of("X-Stream-Token", streamToken));
        assertThat(declined.statusCode()).isEqualTo(200);
        assertThat(offers.byId(anonymous.id()).orElseThrow().status()).isEqualTo(OfferStatus.DECLINED);
    }

    @Test
    void aSellerDisputesAnAcceptedOfferWithAReasonAndItJoinsTheReviewQueue() throws Exception {
        User seller = seller();
        Offer offer = readyOffer(seller.id(), "90.00");
        String path = "/api/v1/offers/" + offer.id();
        assertThat(send("POST", path + "/dispute", seller, "{\"reason\":\"wrong price\"}", Map.of()).statusCode())
                .as("not accepted yet").isEqualTo(409);
        assertThat(send("POST", path + "/accept", seller, ACCEPT_JAKE_BUCKS, Map.of()).statusCode()).isEqualTo(200);

        assertRefused(send("POST", path + "/dispute", seller, "{}", Map.of()), 422, "reason");
        assertRefused(send("POST", path + "/dispute", seller, "{\"reason\":\"" + "x".repeat(2001) + "\"}", Map.of()),
                422, "reason");
        HttpResponse<String> disputed = send("POST", path + "/dispute", seller,
                "{\"reason\":\"the label never arrived\"}", Map.of());
        assertThat(disputed.statusCode()).isEqualTo(200);
        assertThat(HttpCalls.body(disputed).path("status").asText()).isEqualTo("disputed");
        Offer stored = offers.byId(offer.id()).orElseThrow();
        assertThat(stored.dispute().orElseThrow().reason()).isEqualTo("the label never arrived");
        assertThat(stored.dispute().orElseThrow().disputedFrom()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(send("POST", path + "/dispute", seller, "{\"reason\":\"again\"}", Map.of()).statusCode())
                .isEqualTo(409);
    }

    // ---- who may -----------------------------------------------------------------------------

    enum Caller { ANONYMOUS, OTHER_USER, OWNER, REVIEWER, ADMIN }

    @Test
    void onlyTheSellerAnswersTheirOffer() throws Exception {
        User owner = seller();
        Map<Caller, User> callers = Map.of(
                Caller.OWNER, owner,
                Caller.OTHER_USER, seller(),
                Caller.REVIEWER, accounts.account("rev-" + UUID.randomUUID() + "@example.com", Set.of(Role.REVIEWER),
                        false),
                Caller.ADMIN, accounts.account("adm-" + UUID.randomUUID() + "@example.com",
                        EnumSet.of(Role.USER, Role.ADMIN), false));
        Map<String, Integer> expected = Map.of("ANONYMOUS", 401, "OTHER_USER", 403, "REVIEWER", 403, "ADMIN", 403);

        for (String action : List.of("accept", "decline", "dispute")) {
            for (Caller caller : Caller.values()) {
                if (caller == Caller.OWNER) {
                    continue;
                }
                // A fresh offer per call, in the status the action needs, so only the caller decides the answer.
                Offer offer = readyOffer(owner.id(), "20.00");
                if (action.equals("dispute")) {
                    offer = offers.update(offer.accept(com.jakebuysit.domain.PayoutMethod.JAKE_BUCKS,
                            com.jakebuysit.domain.testing.Fixtures.address(), java.time.Clock.systemUTC()));
                }
                String body = action.equals("accept") ? ACCEPT_JAKE_BUCKS : "{\"reason\":\"matrix\"}";
                HttpResponse<String> response = send("POST", "/api/v1/offers/" + offer.id() + "/" + action,
                        callers.get(caller), body, Map.of());
                assertThat(response.statusCode()).as(action + " by " + caller + ": " + response.body())
                        .isEqualTo(expected.get(caller.name()));
                assertThat(HttpCalls.body(response).path("statusCode").asInt()).isEqualTo(expected.get(caller.name()));
                assertThat(offers.byId(offer.id()).orElseThrow().status()).as(action + " by " + caller)
                        .isEqualTo(offer.status());
                HttpResponse<String> byOwner = send("POST", "/api/v1/offers/" + offer.id() + "/" + action, owner,
                        body, Map.of());
                assertThat(byOwner.statusCode()).as(action + " by the owner: " + byOwner.body()).isEqualTo(200);
            }
        }
        assertThat(send("POST", "/api/v1/offers/" + UUID.randomUUID() + "/accept", owner, ACCEPT_JAKE_BUCKS, Map.of())
                .statusCode()).isEqualTo(404);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static User seller() {
        return accounts.account("seller-" + UUID.randomUUID() + "@example.com", Set.of(Role.USER), false);
    }

    private static Offer readyOffer(UserId seller, String amount) {
        Offer offer = OfferBuilder.anOffer().by(seller).withAmount(Money.usd(amount)).inStatus(OfferStatus.READY)
                .on(new MutableClock(Instant.now().minus(Duration.ofMinutes(5)))).build();
        offers.insert(offer, new Offers.Origin(Optional.empty(), Optional.empty()));
        return offers.byId(offer.id()).orElseThrow();
    }

    private static HttpResponse<String> send(String method, String path, User caller, String json,
                                             Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + APP.getLocalPort() + path))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (caller != null) {
            request.header("Authorization", "Bearer " + HttpCalls.tokenFor(caller));
        }
        headers.forEach(request::header);
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = HttpCalls.body(response);
        assertThat(error.path("statusCode").asInt()).isEqualTo(status);
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(error.path("details").path("field").asText()).isEqualTo(field);
    }

    interface Call {
        HttpResponse<String> call(int i) throws Exception;
    }

    private static List<HttpResponse<String>> concurrently(int count, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                Callable<HttpResponse<String>> task = () -> {
                    start.await();
                    return call.call(n);
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static int shipmentsOf(OfferId offer) {
        return DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM shipments WHERE offer_id = :id")
                .bind("id", offer.value()).mapTo(Integer.class).one());
    }

    private static int auditCount(OfferId offer, String action) {
        return DB.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM audit_log WHERE entity_id = :id AND action = :action")
                .bind("id", offer.toString()).bind("action", action).mapTo(Integer.class).one());
    }

    private static long labelFilesOf(OfferId offer) throws IOException {
        Path folder = PHOTOS.resolve("labels").resolve(offer.toString());
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            // The store keeps a hidden ".<name>.meta" beside each document.
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
                    .count();
        }
    }

    /** The signed link names the configured public base URL; the test's server listens elsewhere. */
    private static String absolute(String url) {
        URI link = URI.create(url);
        return "http://localhost:" + APP.getLocalPort() + link.getRawPath() + "?" + link.getRawQuery();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("offer-actions");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
