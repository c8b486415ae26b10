package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.adapters.out.memory.InMemoryOfferEvents;
import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.adapters.out.postgres.JdbiShipments;
import com.jakebuysit.adapters.out.postgres.JdbiUsers;
import com.jakebuysit.adapters.out.redis.RedisConnection;
import com.jakebuysit.adapters.out.redis.RedisOfferEvents;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.Offers;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.PayoutMethod;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.domain.offer.OfferStatus;
import com.jakebuysit.domain.pricing.Quote;
import com.jakebuysit.domain.rules.BusinessRules;
import com.jakebuysit.domain.shipping.Shipment;
import com.jakebuysit.domain.testing.Fixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reviewers' escalation queue through the whole application on the real PostgreSQL and Redis:
 * what the queue shows, each decision's effect (including the label of an approved held acceptance
 * and Jake's voice for an approved price), the event the seller's stream hears, the refusals, and
 * two reviewers racing for one item.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class EscalationsApiTest {

    private static final TestDatabase DB = TestDatabase.create("escalationsapi");
    private static final String PREFIX = "test:escalationsapi:" + UUID.randomUUID() + ":";
    private static final Path PHOTOS = tempDirectory();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final BusinessRules RULES = BusinessRules.defaults();
    private static final Clock CLOCK = Clock.systemUTC();
    private static final String QUEUE = "/api/v1/admin/escalations?limit=100";

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "escalationsapi",
                    Map.of("providers.photos.localDirectory", PHOTOS.toString(), "redis.keyPrefix", PREFIX)))
            .addListener(new DropwizardAppExtension.ServiceListener<>() {
                @Override
                public void onStop(DropwizardAppExtension<JakeBuysItConfiguration> app) {
                    // After the application (and its job server) stopped using the schema.
                    DB.close();
                }
            });

    private static HttpCalls http;
    private static JdbiOffers offers;
    private static JdbiShipments shipments;
    private static RedisConnection redis;
    private static RedisOfferEvents events;

    @BeforeAll
    static void setUp() {
        http = new HttpCalls(APP.getLocalPort());
        offers = new JdbiOffers(DB.jdbi());
        shipments = new JdbiShipments(DB.jdbi());
        redis = new RedisConnection(TestSupport.REDIS_URL);
        events = new RedisOfferEvents(redis, PREFIX, APP.getObjectMapper(), new InMemoryOfferEvents());
    }

    @AfterAll
    static void tearDown() {
        events.close();
        redis.close();
    }

    // ---- the queue ---------------------------------------------------------------------------------

    @Test
    void anOfferThePipelineSendsToAReviewerIsQueuedWithItsPhotosIdentificationComparablesAndPrice() throws Exception {
        long announcedBefore = announced("escalation");
        User seller = seller(42);

        String id = submitExpensiveLaptop(seller);

        awaitStatus(id, "escalated");
        awaitAnnounced("escalation", announcedBefore + 1);
        JsonNode page = HttpCalls.body(http.get(QUEUE, token(reviewer())));
        JsonNode item = find(page, id);
        assertThat(item.path("kind").asText()).isEqualTo("escalation");
        assertThat(item.path("status").asText()).isEqualTo("escalated");
        assertThat(item.path("reasons").size()).isPositive();
        assertThat(item.path("escalatedAt").asText()).isEqualTo(item.path("queuedAt").asText()).isNotBlank();
        assertThat(item.path("seller").path("id").asText()).isEqualTo(seller.id().toString());
        assertThat(item.path("seller").path("trustScore").asInt()).isEqualTo(42);

        assertThat(item.path("photos")).hasSize(2);
        for (JsonNode photo : item.path("photos")) {
            assertFetchableImage(photo.path("url").asText());
            assertFetchableImage(photo.path("thumbnailUrl").asText());
        }
        JsonNode identification = item.path("identification");
        assertThat(identification.path("brand").asText()).isEqualTo("Apple");
        assertThat(identification.path("model").asText()).contains("MacBook Pro");
        assertThat(identification.path("category").asText()).isEqualTo("consumer_electronics");
        assertThat(identification.path("confidence").asText()).matches("0?\\.\\d+|1(\\.0+)?");
        assertThat(identification.has("features")).isTrue();
        assertThat(identification.has("damage")).isTrue();

        assertThat(item.path("comparables").size()).isGreaterThanOrEqualTo(5);
        for (JsonNode comparable : item.path("comparables")) {
            assertThat(comparable.path("price").asText()).matches("\\d+\\.\\d{2}");
            assertThat(comparable.path("title").asText()).isNotBlank();
        }
        assertThat(item.path("market").path("comparablesFound").asInt()).isEqualTo(item.path("comparables").size());
        JsonNode pricing = item.path("pricing");
        assertThat(pricing.path("path").asText()).isEqualTo("escalate");
        assertThat(new BigDecimal(pricing.path("proposedAmount").asText())).isGreaterThan(new BigDecimal("500.00"));
        assertThat(pricing.path("fmv").asText()).matches("\\d+\\.\\d{2}");
        assertThat(pricing.path("breakdown").size()).isGreaterThan(3);
        assertThat(item.path("offerAmount").asText()).isEqualTo(pricing.path("proposedAmount").asText());
        assertThat(item.path("actions")).extracting(JsonNode::asText)
                .containsExactly("approve", "custom_price", "reject");
        assertThat(page.path("queueSize").asLong()).isEqualTo(queueSizeInTheDatabase());
    }

    @Test
    void heldAcceptancesAndDisputesAreQueuedTooAndDisputesOfferNoAction() throws Exception {
        User seller = seller(50);
        Offer held = held(seller);
        Offer disputed = disputed(seller);
        Offer ready = store(readyOffer(seller, "30.00"));

        JsonNode page = HttpCalls.body(http.get(QUEUE, token(reviewer())));

        JsonNode heldItem = find(page, held.id().toString());
        assertThat(heldItem.path("kind").asText()).isEqualTo("held_acceptance");
        assertThat(heldItem.path("status").asText()).isEqualTo("accepted");
        assertThat(heldItem.path("reasons")).extracting(JsonNode::asText).containsExactly("daily spend cap: over");
        assertThat(heldItem.path("acceptance").path("payoutMethod").asText()).isEqualTo("jake_bucks");
        assertThat(heldItem.path("actions")).extracting(JsonNode::asText).containsExactly("approve", "reject");

        JsonNode disputeItem = find(page, disputed.id().toString());
        assertThat(disputeItem.path("kind").asText()).isEqualTo("dispute");
        assertThat(disputeItem.path("reasons")).extracting(JsonNode::asText)
                .containsExactly("the box arrived empty, says the warehouse");
        assertThat(disputeItem.path("dispute").path("disputedFrom").asText()).isEqualTo("shipped");
        assertThat(disputeItem.path("disputedAt").asText()).isEqualTo(disputeItem.path("queuedAt").asText());
        assertThat(disputeItem.path("actions")).isEmpty();

        assertThat(page.path("data")).extracting(item -> item.path("offerId").asText())
                .doesNotContain(ready.id().toString());
        List<Instant> queued = new ArrayList<>();
        page.path("data").forEach(item -> queued.add(Instant.parse(item.path("queuedAt").asText())));
        assertThat(queued).as("oldest first").isSorted();
    }

    @Test
    void pagesWalkTheWholeQueueOldestFirst() {
        User seller = seller(50);
        for (int i = 0; i < 3; i++) {
            store(escalated(seller, Optional.of("15.00")));
        }
        String reviewerToken = token(reviewer());
        List<String> all = new ArrayList<>();
        HttpCalls.body(http.get(QUEUE, reviewerToken)).path("data").forEach(i -> all.add(i.path("offerId").asText()));

        List<String> walked = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = HttpCalls.body(http.get("/api/v1/admin/escalations?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor), reviewerToken));
            assertThat(page.path("data").size()).isLessThanOrEqualTo(2);
            page.path("data").forEach(i -> walked.add(i.path("offerId").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 100);

        assertThat(all.size()).isGreaterThanOrEqualTo(3);
        assertThat(walked).containsExactlyElementsOf(all);
        assertThat(http.get("/api/v1/admin/escalations?cursor=nonsense", reviewerToken).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/v1/admin/escalations?limit=lots", reviewerToken).statusCode()).isEqualTo(400);
    }

    // ---- decisions ---------------------------------------------------------------------------------

    @Test
    void approvingAPricedEscalationMakesItReadyTellsTheSellerAndJakeSpeaksThatPrice() throws Exception {
        User seller = seller(60);
        String id = submitExpensiveLaptop(seller);
        awaitStatus(id, "escalated");
        String proposed = offers.byId(OfferId.of(id)).orElseThrow().quote().orElseThrow().amount().toWire();
        User reviewer = reviewer();
        BlockingQueue<OfferEvents.OfferEvent> heard = new LinkedBlockingQueue<>();

        HttpResponse<String> response;
        try (OfferEvents.Subscription subscription = events.subscribe(UUID.fromString(id), heard::add)) {
            response = resolve(id, token(reviewer), approve("priced right for an M3 in this condition"));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            OfferEvents.OfferEvent status = next(heard, e -> e.type().equals("status"));
            assertThat(status.status()).isEqualTo("ready");
            OfferEvents.OfferEvent voice = next(heard, e -> e.type().equals("step"));
            assertThat(voice.step()).isEqualTo("voice");
            assertThat(voice.status()).isEqualTo("ready");
        }
        JsonNode offer = HttpCalls.body(response).path("offer");
        assertThat(offer.path("status").asText()).isEqualTo("ready");
        assertThat(offer.path("offerAmount").asText()).isEqualTo(proposed);
        assertThat(Instant.parse(offer.path("expiresAt").asText()))
                .isAfter(Instant.now().plus(RULES.pricingRules().offerValidity()).minus(Duration.ofMinutes(5)));

        Offer stored = offers.byId(OfferId.of(id)).orElseThrow();
        assertThat(stored.jake()).as("Jake's words for the approved price").isPresent();
        assertThat(stored.jake().get().script()).contains(proposed.replaceAll("\\.00$", ""));
        JsonNode seen = HttpCalls.body(http.get("/api/v1/offers/" + id, token(seller)));
        assertThat(seen.path("jake").path("script").asText()).isEqualTo(stored.jake().get().script());

        Map<String, Object> audit = DB.jdbi().withHandle(h -> h.createQuery("""
                        SELECT actor_id::text AS actor, actor_role, host(ip) AS ip, user_agent, request_id,
                               before->>'status' AS before_status, after->>'status' AS after_status, after->>'kind' AS kind
                          FROM audit_log WHERE entity_id = :id AND action = 'offer.escalation.approve'
                        """).bind("id", id).mapToMap().one());
        assertThat(audit).containsEntry("actor", reviewer.id().toString()).containsEntry("actor_role", "reviewer")
                .containsEntry("before_status", "escalated").containsEntry("after_status", "ready")
                .containsEntry("kind", "escalation");
        assertThat((String) audit.get("ip")).isIn("127.0.0.1", "::1");
        assertThat((String) audit.get("user_agent")).startsWith("Java-http-client");
        assertThat(audit.get("request_id")).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        assertThat(find(HttpCalls.body(http.get(QUEUE, token(reviewer))), id)).as("left the queue").isNull();
    }

    @Test
    void aCustomPriceOnAnUnpricedEscalationIsTheSellersPriceAndJakeSaysIt() throws Exception {
        Offer offer = store(escalated(seller(50), Optional.empty()));

        HttpResponse<String> response = resolve(offer.id().toString(), token(reviewer()),
                body("custom_price", "42.50", "identified by hand: a 2019 lamp"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(HttpCalls.body(response).path("offer").path("offerAmount").asText()).isEqualTo("42.50");
        assertThat(HttpCalls.body(response).path("offer").path("status").asText()).isEqualTo("ready");
        Offer voiced = awaitJake(offer.id());
        assertThat(voiced.quote().orElseThrow().amount()).isEqualTo(Money.usd("42.50"));
        assertThat(voiced.jake().orElseThrow().script()).contains("42.50");
    }

    @Test
    void approvingWithNothingProposedIs409AndChangesNothing() {
        Offer offer = store(escalated(seller(50), Optional.empty()));

        HttpResponse<String> response = resolve(offer.id().toString(), token(reviewer()), approve("looks fine"));

        assertError(response, 409, "ILLEGAL_TRANSITION");
        assertThat(offers.byId(offer.id()).orElseThrow().version()).isEqualTo(offer.version());
    }

    @Test
    void rejectingEndsTheOfferWithTheReviewersNotes() {
        Offer offer = store(escalated(seller(50), Optional.of("80.00")));

        HttpResponse<String> response = resolve(offer.id().toString(), token(admin()), body("reject", null,
                "stock photo of a discontinued model"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Offer stored = offers.byId(offer.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OfferStatus.REJECTED);
        assertThat(stored.closure().orElseThrow().reason()).contains("stock photo of a discontinued model");
        assertThat(stored.jake()).isEmpty();
        assertThat(auditActor(offer.id(), "offer.escalation.reject")).isEqualTo("admin");
    }

    @Test
    void approvingAHeldAcceptanceIssuesItsLabelNowAndStartsThePriceLock() throws Exception {
        Offer held = held(seller(50));
        Instant heldAt = held.acceptedAt().orElseThrow();
        BlockingQueue<OfferEvents.OfferEvent> heard = new LinkedBlockingQueue<>();

        HttpResponse<String> response;
        try (OfferEvents.Subscription subscription = events.subscribe(held.id().value(), heard::add)) {
            response = resolve(held.id().toString(), token(reviewer()), approve("known seller, verified stock"));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(next(heard, e -> e.type().equals("status")).status()).isEqualTo("accepted");
        }

        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("kind").asText()).isEqualTo("held_acceptance");
        Shipment shipment = shipments.byOfferId(held.id()).orElseThrow();
        assertThat(body.path("shipment").path("trackingNumber").asText()).isEqualTo(shipment.trackingNumber());
        Offer stored = offers.byId(held.id()).orElseThrow();
        assertThat(stored.status()).isEqualTo(OfferStatus.ACCEPTED);
        assertThat(stored.isHeldForReview()).isFalse();
        assertThat(stored.acceptedAt().orElseThrow()).isAfter(heldAt);
        assertThat(shipment.shipBy()).isEqualTo(stored.shipBy(RULES.pricingRules()).orElseThrow());
        assertThat(Files.exists(PHOTOS.resolve(shipment.labelKey()))).as("the label document is stored").isTrue();
        assertThat(auditActor(held.id(), "offer.escalation.approve")).isEqualTo("reviewer");
        List<String> labelAudit = DB.jdbi().withHandle(h -> h.createQuery(
                        "SELECT actor_role FROM audit_log WHERE entity_type = 'shipment' AND action = 'shipment.created'"
                                + " AND after->>'offerId' = :id").bind("id", held.id().toString())
                .mapTo(String.class).list());
        assertThat(labelAudit).containsExactly("reviewer");
    }

    @Test
    void aRetriedApprovalWithItsIdempotencyKeyReplaysTheAnswerAndBuysNoSecondLabel() throws Exception {
        Offer held = held(seller(50));
        String reviewerToken = token(reviewer());
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + APP.getLocalPort() + "/api/v1/admin/escalations/"
                                + held.id() + "/resolve"))
                .header("Authorization", "Bearer " + reviewerToken)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "approve-" + held.id())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(approve("checked twice")))
                .build();
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();

        HttpResponse<String> first = client.send(request, HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> retried = client.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).contains("true");
        int labels = DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM shipments WHERE offer_id = :id")
                .bind("id", held.id().value()).mapTo(Integer.class).one());
        assertThat(labels).isEqualTo(1);
        // Without the key, the same decision again is refused: the item was decided.
        assertError(resolve(held.id().toString(), reviewerToken, approve("checked twice")), 409, "NOT_IN_REVIEW");
    }

    @Test
    void rejectingAHeldAcceptanceCancelsItWithoutALabel() {
        Offer held = held(seller(50));

        HttpResponse<String> response = resolve(held.id().toString(), token(reviewer()),
                body("reject", null, "too much for one day from a new seller"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(offers.byId(held.id()).orElseThrow().status()).isEqualTo(OfferStatus.CANCELLED);
        assertThat(shipments.byOfferId(held.id())).isEmpty();
        assertThat(HttpCalls.body(response).path("shipment").isNull()).isTrue();
    }

    @Test
    void aHeldAcceptanceKeepsItsAgreedPrice() {
        Offer held = held(seller(50));

        HttpResponse<String> response = resolve(held.id().toString(), token(reviewer()),
                body("custom_price", "10.00", "lower it"));

        assertError(response, 409, "ILLEGAL_TRANSITION");
        assertThat(offers.byId(held.id()).orElseThrow()).isEqualTo(held);
        assertThat(shipments.byOfferId(held.id())).isEmpty();
    }

    @Test
    void disputesAreReadOnlyInTheQueue() {
        Offer disputed = disputed(seller(50));

        assertError(resolve(disputed.id().toString(), token(reviewer()), approve("fine")), 409,
                "DISPUTE_NOT_RESOLVABLE");
        assertThat(offers.byId(disputed.id()).orElseThrow()).isEqualTo(disputed);
    }

    @Test
    void anUnknownOfferIs404AndOneNotInReviewOrDecidedAlreadyIs409() {
        String reviewerToken = token(reviewer());
        assertError(resolve(UUID.randomUUID().toString(), reviewerToken, approve("x")), 404, "NOT_FOUND");
        assertError(resolve("not-an-id", reviewerToken, approve("x")), 404, "NOT_FOUND");

        Offer ready = store(readyOffer(seller(50), "30.00"));
        assertError(resolve(ready.id().toString(), reviewerToken, approve("x")), 409, "NOT_IN_REVIEW");

        Offer offer = store(escalated(seller(50), Optional.of("25.00")));
        assertThat(resolve(offer.id().toString(), reviewerToken, approve("first")).statusCode()).isEqualTo(200);
        assertError(resolve(offer.id().toString(), reviewerToken, body("reject", null, "second")), 409,
                "NOT_IN_REVIEW");
    }

    static Stream<Arguments> invalidDecisions() {
        return Stream.of(
                Arguments.of("{\"action\":\"maybe\",\"notes\":\"n\"}", "action"),
                Arguments.of("{\"notes\":\"n\"}", "action"),
                Arguments.of("{\"action\":\"custom_price\",\"notes\":\"n\"}", "amount"),
                Arguments.of("{\"action\":\"custom_price\",\"amount\":\"12.3\",\"notes\":\"n\"}", "amount"),
                Arguments.of("{\"action\":\"custom_price\",\"amount\":\"0.00\",\"notes\":\"n\"}", "amount"),
                Arguments.of("{\"action\":\"custom_price\",\"amount\":\"-5.00\",\"notes\":\"n\"}", "amount"),
                Arguments.of("{\"action\":\"custom_price\",\"amount\":\"12,00\",\"notes\":\"n\"}", "amount"),
                Arguments.of("{\"action\":\"approve\",\"amount\":\"10.00\",\"notes\":\"n\"}", "amount"),
                Arguments.of("{\"action\":\"reject\",\"amount\":\"10.00\",\"notes\":\"n\"}", "amount"),
                Arguments.of("{\"action\":\"approve\"}", "notes"),
                Arguments.of("{\"action\":\"approve\",\"notes\":\"   \"}", "notes"),
                Arguments.of("{\"action\":\"approve\",\"notes\":\"" + "n".repeat(2001) + "\"}", "notes"));
    }

    @ParameterizedTest(name = "{0} -> 422 on {1}")
    @MethodSource("invalidDecisions")
    void anInvalidDecisionIs422AndChangesNothing(String json, String field) {
        Offer offer = store(escalated(seller(50), Optional.of("25.00")));

        HttpResponse<String> response = resolve(offer.id().toString(), token(reviewer()), json);

        assertError(response, 422, "VALIDATION_FAILED");
        assertThat(HttpCalls.body(response).path("details").path("field").asText()).isEqualTo(field);
        assertThat(offers.byId(offer.id()).orElseThrow()).isEqualTo(offer);
    }

    @Test
    void theLongestNotesAllowedAreAccepted() {
        Offer offer = store(escalated(seller(50), Optional.of("25.00")));

        assertThat(resolve(offer.id().toString(), token(reviewer()), approve("n".repeat(2000))).statusCode())
                .isEqualTo(200);
    }

    // ---- the race ----------------------------------------------------------------------------------

    @Test
    void sixteenConcurrentDecisionsByThreeStaffOnOneEscalation_oneWinsTheRestAre409() throws Exception {
        Offer offer = store(escalated(seller(50), Optional.of("90.00")));

        List<Integer> statuses = race(offer, i -> switch (i % 3) {
            case 0 -> approve("approve #" + i);
            case 1 -> body("custom_price", "95.00", "custom #" + i);
            default -> body("reject", null, "reject #" + i);
        });

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(15);
        assertThat(decisionsAudited(offer.id())).hasSize(1);
        Offer stored = offers.byId(offer.id()).orElseThrow();
        // One decision wrote the row; Jake's voice for a new price may have written it once more since.
        assertThat(stored.version()).isEqualTo(offer.version() + 1 + (stored.jake().isPresent() ? 1 : 0));
    }

    @Test
    void sixteenConcurrentApprovalsOfOneHeldAcceptance_oneLabelOnly() throws Exception {
        Offer held = held(seller(50));

        List<Integer> statuses = race(held, i -> i % 2 == 0 ? approve("approve #" + i)
                : body("reject", null, "reject #" + i));

        assertThat(statuses.stream().filter(s -> s == 200)).hasSize(1);
        assertThat(statuses.stream().filter(s -> s == 409)).hasSize(15);
        assertThat(decisionsAudited(held.id())).hasSize(1);
        Offer stored = offers.byId(held.id()).orElseThrow();
        long labels = DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM shipments WHERE offer_id = :id")
                .bind("id", held.id().value()).mapTo(Long.class).one());
        assertThat(labels).isEqualTo(stored.status() == OfferStatus.ACCEPTED ? 1 : 0);
    }

    private List<Integer> race(Offer offer, java.util.function.IntFunction<String> bodies) throws Exception {
        List<String> tokens = List.of(token(reviewer()), token(reviewer()), token(admin()));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                String token = tokens.get(i % tokens.size());
                String json = bodies.apply(i);
                results.add(pool.submit(() -> {
                    go.await();
                    return resolve(offer.id().toString(), token, json).statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get(60, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---- offers in each queue state, stored as the use cases leave them ------------------------------

    private static Offer escalated(User seller, Optional<String> proposed) {
        Offer offer = Offer.create(OfferId.random(), Optional.of(seller.id()), Fixtures.submission(), CLOCK)
                .recordIdentification(Fixtures.identification(), CLOCK);
        if (proposed.isPresent()) {
            offer = offer.recordQuote(Quote.of(Money.usd(proposed.get()), Money.usd("400.00"),
                    new BigDecimal("0.70")), CLOCK);
        }
        return offer.escalate(List.of("pricing.review_above: a reviewer looks first"), CLOCK);
    }

    private static Offer readyOffer(User seller, String amount) {
        return Offer.create(OfferId.random(), Optional.of(seller.id()), Fixtures.submission(), CLOCK)
                .recordIdentification(Fixtures.identification(), CLOCK)
                .recordQuote(Quote.of(Money.usd(amount), Money.usd("100.00"), new BigDecimal("0.90")), CLOCK)
                .markReady(RULES.pricingRules(), CLOCK);
    }

    private static Offer held(User seller) {
        return store(readyOffer(seller, "300.00").acceptHeld(PayoutMethod.JAKE_BUCKS, Fixtures.address(),
                List.of("daily spend cap: over"), CLOCK));
    }

    private static Offer disputed(User seller) {
        return store(readyOffer(seller, "45.00").accept(PayoutMethod.JAKE_BUCKS, Fixtures.address(), CLOCK)
                .markShipped(CLOCK).dispute("the box arrived empty, says the warehouse", CLOCK));
    }

    /** Stored, and read back as stored (times to the microsecond). */
    private static Offer store(Offer offer) {
        offers.insert(offer, new Offers.Origin(Optional.empty(), Optional.empty()));
        return offers.byId(offer.id()).orElseThrow();
    }

    // ---- helpers -----------------------------------------------------------------------------------

    /** An account old enough that the new-account cap does not apply, so pricing proposes the full amount. */
    private static User seller(int trust) {
        User user = User.register(UserId.random(), Email.of("seller-" + UUID.randomUUID() + "@example.com"),
                Optional.empty(), "Seller", Optional.empty(), TrustScore.of(trust),
                Instant.now().minus(Duration.ofDays(400)));
        new JdbiUsers(DB.jdbi()).insert(user);
        return user;
    }

    private static User reviewer() {
        return staff(Role.REVIEWER);
    }

    private static User admin() {
        return staff(Role.ADMIN);
    }

    private static User staff(Role role) {
        User user = User.register(UserId.random(), Email.of(role.code() + "-" + UUID.randomUUID() + "@example.com"),
                Optional.empty(), "Staff", Optional.empty(), TrustScore.of(50), Instant.now()).withRoles(Set.of(role));
        new JdbiUsers(DB.jdbi()).insert(user);
        return user;
    }

    private static String token(User user) {
        return HttpCalls.tokenFor(user);
    }

    private static final java.util.concurrent.atomic.AtomicInteger PHOTO_SEED = new java.util.concurrent.atomic.AtomicInteger(300);

    /**
     * Priced by the local market data above $500, so the pipeline hands it to a reviewer with a
     * price. Fresh pictures each time: another seller's look-alike photos would escalate it at intake.
     */
    private static String submitExpensiveLaptop(User seller) throws Exception {
        Multipart body = new Multipart()
                .file("photos", "lid.jpg", "image/jpeg", TestImages.jpeg(PHOTO_SEED.incrementAndGet()))
                .file("photos", "keyboard.png", "image/png", TestImages.png(PHOTO_SEED.incrementAndGet()))
                .field("description", "Apple MacBook Pro 14-inch M3 2023, like new, 8GB, barely used")
                .field("condition", "like_new");
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(uri("/api/v1/offers"))
                .header("Content-Type", body.contentType())
                .header("Authorization", "Bearer " + token(seller))
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        return HttpCalls.body(created).path("id").asText();
    }

    private static void awaitStatus(String id, String status) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        String seen;
        do {
            seen = offers.byId(OfferId.of(id)).orElseThrow().status().code();
            if (seen.equals(status)) {
                return;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("offer " + id + " is " + seen + ", not " + status);
    }

    /** The background voice lands on the offer; waits for it, failing if it never comes. */
    private static Offer awaitJake(OfferId id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        do {
            Offer offer = offers.byId(id).orElseThrow();
            if (offer.jake().isPresent()) {
                return offer;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("Jake never spoke for offer " + id);
    }

    private static long announced(String kind) {
        return APP.getEnvironment().metrics().counter("escalations.opened." + kind).getCount();
    }

    private static void awaitAnnounced(String kind, long atLeast) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (announced(kind) < atLeast) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("reviewers were not told: " + announced(kind) + " < " + atLeast);
            }
            Thread.sleep(50);
        }
    }

    private static OfferEvents.OfferEvent next(BlockingQueue<OfferEvents.OfferEvent> heard,
                                               Predicate<OfferEvents.OfferEvent> wanted) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            OfferEvents.OfferEvent event = heard.poll(1, TimeUnit.SECONDS);
            if (event != null && wanted.test(event)) {
                return event;
            }
        }
        throw new AssertionError("no such event was published");
    }

    private static HttpResponse<String> resolve(String offerId, String token, String json) {
        return http.send("POST", "/api/v1/admin/escalations/" + offerId + "/resolve", token, json);
    }

    private static String approve(String notes) {
        return body("approve", null, notes);
    }

    private static String body(String action, String amount, String notes) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("action", action);
        if (amount != null) {
            json.put("amount", amount);
        }
        json.put("notes", notes);
        return json.toString();
    }

    private static JsonNode find(JsonNode page, String offerId) {
        for (JsonNode item : page.path("data")) {
            if (item.path("offerId").asText().equals(offerId)) {
                return item;
            }
        }
        return null;
    }

    private static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = HttpCalls.body(response);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("statusCode").asInt()).isEqualTo(status);
        assertThat(error.path("error").asText()).isNotBlank();
    }

    private static void assertFetchableImage(String url) throws Exception {
        URI link = URI.create(url);
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri(link.getRawPath()
                + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()))).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("image/");
        assertThat(response.body().length).isPositive();
    }

    private static long queueSizeInTheDatabase() {
        return DB.jdbi().withHandle(h -> h.createQuery("""
                SELECT count(*) FROM offers
                 WHERE status IN ('escalated', 'disputed')
                    OR (status = 'accepted' AND escalated_at IS NOT NULL AND resolved_at IS NULL)
                """).mapTo(Long.class).one());
    }

    private static List<String> decisionsAudited(OfferId id) {
        return DB.jdbi().withHandle(h -> h.createQuery(
                        "SELECT action FROM audit_log WHERE entity_id = :id AND action LIKE 'offer.escalation.%'")
                .bind("id", id.toString()).mapTo(String.class).list());
    }

    private static String auditActor(OfferId id, String action) {
        return DB.jdbi().withHandle(h -> h.createQuery(
                        "SELECT actor_role FROM audit_log WHERE entity_id = :id AND action = :action")
                .bind("id", id.toString()).bind("action", action).mapTo(String.class).one());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("escalationsapi-photos");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
