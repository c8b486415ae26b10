package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.adapters.out.contract.Await;
import com.jakebuysit.adapters.out.memory.InMemoryOfferEvents;
import com.jakebuysit.adapters.out.redis.RedisConnection;
import com.jakebuysit.adapters.out.redis.RedisOfferEvents;
import com.jakebuysit.application.account.SecretTokens;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.bootstrap.StreamClient.Transport;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import redis.clients.jedis.Jedis;

/**
 * {@code GET /api/v1/offers/{id}/stream} on the whole application, by Server-Sent Events and by
 * WebSocket, on the real PostgreSQL and Redis. Offers are stored through the offers adapter and
 * their progress published on Redis under the application's key prefix, as any instance's
 * pipeline publishes it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OfferStreamApiTest {

    private static final TestDatabase DB = TestDatabase.create("offerstream");
    private static final String PREFIX = "test:offerstream:" + UUID.randomUUID() + ":";

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml",
            TestSupport.overrides(DB, "offerstream", Map.of("redis.keyPrefix", PREFIX)))
            .addListener(new DropwizardAppExtension.ServiceListener<>() {
                @Override
                public void onStop(DropwizardAppExtension<JakeBuysItConfiguration> app) {
                    // After the application (and its job server) stopped using the schema.
                    DB.close();
                }
            });

    private static RedisConnection redis;
    private static RedisOfferEvents events;
    private static Jedis admin;
    private static StreamOffers offers;
    private static User owner;
    private static User stranger;
    private static User reviewer;
    private static User banned;

    @BeforeAll
    static void setUp() {
        redis = new RedisConnection(TestSupport.REDIS_URL);
        events = new RedisOfferEvents(redis, PREFIX, APP.getObjectMapper(), new InMemoryOfferEvents());
        admin = new Jedis(URI.create(TestSupport.REDIS_URL));
        offers = new StreamOffers(DB.jdbi());
        AccountFixtures accounts = new AccountFixtures(DB.jdbi());
        owner = accounts.account("owner@example.com", Set.of(Role.USER), false);
        stranger = accounts.account("stranger@example.com", Set.of(Role.USER), false);
        reviewer = accounts.account("reviewer@example.com", Set.of(Role.USER, Role.REVIEWER), false);
        banned = accounts.account("banned@example.com", Set.of(Role.USER), true);
    }

    @AfterAll
    static void tearDown() {
        events.close();
        redis.close();
        admin.close();
    }

    // ---- what the stream says ------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Transport.class)
    void firstTheOfferAsItStandsThenOneEventPerStepThenTheEndAfterReady(Transport transport) {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());

        try (StreamClient client = transport.open(port(), path(offer), bearer(owner))) {
            JsonNode first = client.next();
            assertThat(first.path("type").asText()).isEqualTo("status");
            assertThat(first.has("step")).isFalse();
            assertThat(first.path("status").asText()).isEqualTo("processing");
            assertThat(first.path("offer").path("id").asText()).isEqualTo(offer.id().toString());
            assertThat(first.path("offer").path("status").asText()).isEqualTo("processing");
            assertThat(first.path("offer").path("item").isNull()).isTrue();

            Offer current = offers.identified(offer);
            publish(offer, "step", "identify", "processing");
            JsonNode identify = client.next();
            assertStep(identify, "identify", "processing");
            // Each event carries the offer as it is when the event is sent.
            assertThat(identify.path("offer").path("item").path("brand").asText()).isEqualTo("Nintendo");

            publish(offer, "step", "market", "processing");
            assertStep(client.next(), "market", "processing");

            current = offers.priced(current);
            publish(offer, "step", "pricing", "processing");
            JsonNode pricing = client.next();
            assertStep(pricing, "pricing", "processing");
            assertThat(pricing.path("offer").path("offerAmount").asText()).isEqualTo("120.00");

            current = offers.voiced(current);
            publish(offer, "step", "voice", "processing");
            JsonNode voice = client.next();
            assertStep(voice, "voice", "processing");
            assertThat(voice.path("offer").path("jake").path("script").asText()).contains("Jake");

            offers.ready(current);
            publish(offer, "status", "", "ready");
            JsonNode ready = client.next();
            assertThat(ready.path("type").asText()).isEqualTo("status");
            assertThat(ready.path("status").asText()).isEqualTo("ready");
            assertThat(ready.path("offer").path("status").asText()).isEqualTo("ready");
            assertThat(ready.path("offer").path("expiresAt").isTextual()).isTrue();

            // Published after the end: never sent.
            publish(offer, "status", "", "ready");
            assertEndedNormally(transport, client.awaitEnd());
        }
        assertNoListenerLeft(offer);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anOfferAlreadyReadyIsTheFirstAndLastEvent(Transport transport) {
        Offer offer = offers.finished(offers.processing(Optional.of(owner.id()), SecretTokens.newToken()));

        try (StreamClient client = transport.open(port(), path(offer), bearer(owner))) {
            JsonNode only = client.next();
            assertThat(only.path("type").asText()).isEqualTo("status");
            assertThat(only.path("status").asText()).isEqualTo("ready");
            assertThat(only.path("offer").path("offerAmount").asText()).isEqualTo("120.00");
            assertEndedNormally(transport, client.awaitEnd());
            if (transport == Transport.SSE) {
                // A browser's EventSource reconnects after any end; the last event asks it to wait a long while.
                assertThat(client.reconnectDelay()).isGreaterThanOrEqualTo(Duration.ofHours(1).toMillis());
            }
        }
        assertNoListenerLeft(offer);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anEscalationEndsTheStreamAtTheStepThatEscalated(Transport transport) {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());

        try (StreamClient client = transport.open(port(), path(offer), bearer(owner))) {
            assertThat(client.next().path("status").asText()).isEqualTo("processing");

            offers.escalated(offer);
            // As the pipeline announces a failed identification: the step, then the status.
            publish(offer, "step", "identify", "escalated");
            publish(offer, "status", "", "escalated");

            JsonNode escalated = client.next();
            assertStep(escalated, "identify", "escalated");
            assertThat(escalated.path("offer").path("escalated").asBoolean()).isTrue();
            assertEndedNormally(transport, client.awaitEnd());
        }
        assertNoListenerLeft(offer);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aRejectedOfferIsTheFirstAndLastEvent(Transport transport) {
        Offer offer = offers.rejected(offers.processing(Optional.of(owner.id()), SecretTokens.newToken()));

        try (StreamClient client = transport.open(port(), path(offer), bearer(owner))) {
            assertThat(client.next().path("status").asText()).isEqualTo("rejected");
            assertEndedNormally(transport, client.awaitEnd());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aClientThatLeavesReleasesItsSubscription(Transport transport) {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());
        StreamClient client = transport.open(port(), path(offer), bearer(owner));
        assertThat(client.next().path("status").asText()).isEqualTo("processing");
        assertThat(subscribers(offer)).isEqualTo(1);

        client.close();

        if (transport == Transport.WEBSOCKET) {
            // A WebSocket is read all along, so the server sees the connection drop at once.
            Await.until("the stream's subscription is released", () -> subscribers(offer) == 0);
        } else {
            // An event stream is only written: the server learns the client left at its next write,
            // an event (here) or the heartbeat.
            Await.until("the stream's subscription is released", () -> {
                publish(offer, "step", "market", "processing");
                return subscribers(offer) == 0;
            });
        }
    }

    // ---- who may listen --------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Transport.class)
    void withoutCredentialsIs401(Transport transport) {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());
        assertRefused(transport.attempt(port(), path(offer), Map.of()), 401, "UNAUTHORIZED");
        assertNoListenerLeft(offer);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anExpiredBearerTokenIs401(Transport transport) {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());
        String expired = HttpCalls.TOKENS.issue(owner.id(), owner.roles(), Instant.now().minus(Duration.ofHours(1))).token();
        assertRefused(transport.attempt(port(), path(offer), Map.of("Authorization", "Bearer " + expired)), 401,
                "UNAUTHORIZED");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aBannedOwnersTokenIs401(Transport transport) {
        Offer offer = offers.processing(Optional.of(banned.id()), SecretTokens.newToken());
        assertRefused(transport.attempt(port(), path(offer), bearer(banned)), 401, "UNAUTHORIZED");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anotherSellersTokenIs403(Transport transport) {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());
        assertRefused(transport.attempt(port(), path(offer), bearer(stranger)), 403, "FORBIDDEN");
        assertNoListenerLeft(offer);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void aWrongStreamTokenIs403(Transport transport) {
        Offer offer = offers.processing(Optional.empty(), SecretTokens.newToken());
        assertRefused(transport.attempt(port(), path(offer), Map.of("X-Stream-Token", SecretTokens.newToken())), 403,
                "FORBIDDEN");
        assertRefused(transport.attempt(port(), path(offer) + "?token=" + SecretTokens.newToken(), Map.of()), 403,
                "FORBIDDEN");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void anUnknownOfferIs404(Transport transport) {
        assertRefused(transport.attempt(port(), "/api/v1/offers/" + UUID.randomUUID() + "/stream", bearer(owner)), 404,
                "NOT_FOUND");
        assertRefused(transport.attempt(port(), "/api/v1/offers/not-an-id/stream", bearer(owner)), 404, "NOT_FOUND");
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void theStreamTokenHolderMayListenByHeaderOrQuery(Transport transport) {
        String token = SecretTokens.newToken();
        Offer offer = offers.processing(Optional.empty(), token);

        try (StreamClient byHeader = transport.open(port(), path(offer), Map.of("X-Stream-Token", token));
             StreamClient byQuery = transport.open(port(), path(offer) + "?token=" + encode(token), Map.of())) {
            assertThat(byHeader.next().path("offer").path("id").asText()).isEqualTo(offer.id().toString());
            assertThat(byQuery.next().path("offer").path("id").asText()).isEqualTo(offer.id().toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void staffAndTheOwnerMayListen(Transport transport) {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());

        try (StreamClient staff = transport.open(port(), path(offer), bearer(reviewer));
             StreamClient seller = transport.open(port(), path(offer), bearer(owner));
             // A browser cannot set headers: the owner's access token in the query works too.
             StreamClient browser = transport.open(port(),
                     path(offer) + "?token=" + encode(HttpCalls.tokenFor(owner)), Map.of())) {
            assertThat(staff.next().path("status").asText()).isEqualTo("processing");
            assertThat(seller.next().path("status").asText()).isEqualTo("processing");
            assertThat(browser.next().path("status").asText()).isEqualTo("processing");

            // One publication, one event on each stream.
            publish(offer, "step", "identify", "processing");
            for (StreamClient client : List.of(staff, seller, browser)) {
                assertStep(client.next(), "identify", "processing");
            }
        }
    }

    @Test
    void aPlainGetWithoutEventStreamOrUpgradeIs406() throws Exception {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port() + path(offer)))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + HttpCalls.tokenFor(owner))
                .GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(406);
        JsonNode body = HttpCalls.body(response);
        assertThat(body.path("code").asText()).isEqualTo("NOT_ACCEPTABLE");
        assertThat(body.path("statusCode").asInt()).isEqualTo(406);
        assertNoListenerLeft(offer);
    }

    @Test
    void heartbeatsKeepAQuietStreamAliveAndAnOfferSettledWithoutItsEventStillEndsIt() {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());

        try (StreamClient sse = Transport.SSE.open(port(), path(offer), bearer(owner));
             StreamClient ws = Transport.WEBSOCKET.open(port(), path(offer), bearer(owner))) {
            assertThat(sse.next().path("status").asText()).isEqualTo("processing");
            assertThat(ws.next().path("status").asText()).isEqualTo("processing");

            // The pipeline finishes, but its events never reach this instance (Redis pub/sub delivers at
            // most once, e.g. across a reconnect). The heartbeat finds the settled offer and ends the streams.
            offers.finished(offer);

            Duration heartbeatAndGrace = Duration.ofSeconds(40);
            JsonNode sseLast = sse.next(heartbeatAndGrace);
            JsonNode wsLast = ws.next(heartbeatAndGrace);
            for (JsonNode last : List.of(sseLast, wsLast)) {
                assertThat(last.path("type").asText()).isEqualTo("status");
                assertThat(last.path("status").asText()).isEqualTo("ready");
                assertThat(last.path("offer").path("status").asText()).isEqualTo("ready");
            }
            assertEndedNormally(Transport.SSE, sse.awaitEnd());
            assertEndedNormally(Transport.WEBSOCKET, ws.awaitEnd());
            assertThat(sse.heartbeats()).as("SSE comments").isPositive();
            assertThat(ws.heartbeats()).as("WebSocket pings").isPositive();
        }
        assertNoListenerLeft(offer);
    }

    @Test
    void aRefusedWebSocketHandshakeAnswersInTheErrorShape() throws Exception {
        Offer offer = offers.processing(Optional.of(owner.id()), SecretTokens.newToken());
        // A raw socket: the JDK's WebSocket client does not hand over a refused handshake's body.
        try (Socket socket = new Socket("localhost", port())) {
            socket.getOutputStream().write(("GET " + path(offer) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout((int) StreamClient.WAIT.toMillis());
            String raw = readResponse(socket.getInputStream());

            assertThat(raw).startsWith("HTTP/1.1 401");
            assertThat(raw).containsIgnoringCase("Content-Type: application/json");
            assertThat(raw).containsIgnoringCase("WWW-Authenticate: Bearer");
            JsonNode body = HttpCalls.JSON.readTree(raw.substring(raw.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("code").asText()).isEqualTo("UNAUTHORIZED");
            assertThat(body.path("statusCode").asInt()).isEqualTo(401);
            assertThat(body.path("details").isObject()).isTrue();
        }
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** One HTTP/1.1 response with a Content-Length body, read off a socket that stays open. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        Matcher length = Pattern.compile("(?im)^Content-Length:\\s*(\\d+)").matcher(headers);
        assertThat(length.find()).as("a Content-Length in " + headers).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    private static void assertRefused(StreamClient.Opened opened, int status, String code) {
        assertThat(opened.client()).as("a refused stream has no client").isNull();
        assertThat(opened.status()).isEqualTo(status);
        if (!opened.body().isBlank()) {
            JsonNode body = opened.json();
            assertThat(body.path("code").asText()).isEqualTo(code);
            assertThat(body.path("statusCode").asInt()).isEqualTo(status);
            assertThat(body.path("error").asText()).isNotBlank();
            assertThat(body.path("details").isObject()).isTrue();
        }
    }

    static void assertStep(JsonNode event, String step, String status) {
        assertThat(event.path("type").asText()).isEqualTo("step");
        assertThat(event.path("step").asText()).isEqualTo(step);
        assertThat(event.path("status").asText()).isEqualTo(status);
        assertThat(event.path("offer").path("id").isTextual()).isTrue();
    }

    static void assertEndedNormally(Transport transport, StreamClient.End end) {
        if (transport == Transport.WEBSOCKET) {
            assertThat(end.code()).as("a normal close").isEqualTo(1000);
        } else {
            assertThat(end.code()).as("the end of the event stream").isEqualTo(-1);
        }
    }

    private void assertNoListenerLeft(Offer offer) {
        Await.until("no instance listens to offer " + offer.id() + " any more", () -> subscribers(offer) == 0);
    }

    private static long subscribers(Offer offer) {
        String channel = PREFIX + "offer-events:" + offer.id();
        return admin.pubsubNumSub(channel).getOrDefault(channel, 0L);
    }

    private static void publish(Offer offer, String type, String step, String status) {
        events.publish(new OfferEvents.OfferEvent(offer.id().value(), type, step, status, Map.of()));
    }

    private static Map<String, String> bearer(User user) {
        return Map.of("Authorization", "Bearer " + HttpCalls.tokenFor(user));
    }

    private static String path(Offer offer) {
        return "/api/v1/offers/" + offer.id() + "/stream";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int port() {
        return APP.getLocalPort();
    }
}
