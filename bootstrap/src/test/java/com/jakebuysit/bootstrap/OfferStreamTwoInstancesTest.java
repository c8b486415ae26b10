package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jakebuysit.bootstrap.StreamClient.Transport;
import com.jakebuysit.domain.account.Role;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.AccountFixtures;
import com.jakebuysit.testsupport.TestDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of the application on one database and one Redis key prefix, as behind a load
 * balancer: a seller's offer is submitted to and processed on instance A, and clients connected to
 * instance B (one by Server-Sent Events, one by WebSocket) hear every step of it.
 *
 * <p>Instance A's AI service is a stub here that holds the identification until the clients on B
 * are connected, so the test knows A's pipeline has not moved before B listens; it then answers
 * like the real service. Everything else is the real application: intake, the pipeline on A,
 * events over Redis pub/sub, the streams on B.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OfferStreamTwoInstancesTest {

    private static final TestDatabase DB = TestDatabase.create("offerstreamtwo");
    private static final String PREFIX = "test:offerstreamtwo:" + UUID.randomUUID() + ":";
    private static final Path PHOTOS = temporaryDirectory();
    private static final AiServiceStub AI = AiServiceStub.start();
    private static final AtomicInteger STOPPED = new AtomicInteger();

    static final DropwizardAppExtension<JakeBuysItConfiguration> A = instance("a", Map.of(
            "providers.ai.type", "http",
            "providers.ai.url", AI.url()));

    static final DropwizardAppExtension<JakeBuysItConfiguration> B = instance("b", Map.of());

    @AfterAll
    static void stopStub() {
        AI.release();
        AI.stop();
    }

    @Test
    void aClientOnInstanceBHearsEveryStepOfAnOfferProcessedOnInstanceA() throws Exception {
        User seller = new AccountFixtures(DB.jdbi()).account("seller-" + UUID.randomUUID() + "@example.com",
                Set.of(Role.USER), false);
        String token = HttpCalls.tokenFor(seller);

        JsonNode created = submitTo(A, token, new Multipart()
                .file("photos", "front.jpg", "image/jpeg", TestImages.jpeg(11))
                .file("photos", "back.jpg", "image/jpeg", TestImages.jpeg(12))
                .field("description", "Nintendo Switch OLED console, white, barely used")
                .field("condition", "like_new"));
        String id = created.path("id").asText();
        String path = "/api/v1/offers/" + id + "/stream";
        // A's pipeline has started and waits on its AI service: nothing of this offer has been published yet.
        AI.awaitIdentifyRequested();

        try (StreamClient sse = Transport.SSE.open(B.getLocalPort(), path, Map.of("Authorization", "Bearer " + token));
             StreamClient ws = Transport.WEBSOCKET.open(B.getLocalPort(), path,
                     Map.of("X-Stream-Token", created.path("streamToken").asText()))) {
            for (StreamClient client : List.of(sse, ws)) {
                JsonNode first = client.next();
                assertThat(first.path("type").asText()).isEqualTo("status");
                assertThat(first.path("status").asText()).isEqualTo("processing");
                assertThat(first.path("offer").path("id").asText()).isEqualTo(id);
            }

            AI.release();

            for (Transport transport : Transport.values()) {
                StreamClient client = transport == Transport.SSE ? sse : ws;
                List<String> heard = new ArrayList<>();
                JsonNode event = client.next();
                JsonNode identified = event;
                while (!"ready".equals(event.path("status").asText())) {
                    heard.add(event.path("type").asText() + ":" + event.path("step").asText() + ":"
                            + event.path("status").asText());
                    event = client.next();
                }
                heard.add(event.path("type").asText() + ":" + event.path("step").asText() + ":"
                        + event.path("status").asText());

                assertThat(heard).as("what a %s client on B heard", transport).containsExactly(
                        "step:identify:processing",
                        "step:market:processing",
                        "step:pricing:processing",
                        "step:voice:processing",
                        "status::ready");
                // Identified by A's AI service, read back by B from the shared database.
                assertThat(identified.path("offer").path("item").path("model").asText()).isEqualTo(AiServiceStub.MODEL);
                assertThat(event.path("offer").path("status").asText()).isEqualTo("ready");
                assertThat(event.path("offer").path("offerAmount").asText()).matches("\\d+\\.\\d{2}");
                assertThat(event.path("offer").path("jake").path("script").asText()).isNotBlank();
                OfferStreamApiTest.assertEndedNormally(transport, client.awaitEnd());
            }
        }
        assertThat(AI.identifyRequests()).as("identifications asked of A's AI service").isEqualTo(1);
    }

    // ---- the two instances ----------------------------------------------------------------------

    private static DropwizardAppExtension<JakeBuysItConfiguration> instance(String name, Map<String, String> extra) {
        Map<String, String> settings = new HashMap<>(extra);
        settings.put("redis.keyPrefix", PREFIX);
        settings.put("providers.photos.localDirectory", PHOTOS.toString());
        settings.put("providers.photos.urlSigningSecret", "a-photo-link-secret-shared-by-both-instances");
        return new DropwizardAppExtension<>(TestApplication.class, "config.yml",
                TestSupport.overrides(DB, "offerstreamtwo-" + name, settings))
                .addListener(new DropwizardAppExtension.ServiceListener<>() {
                    @Override
                    public void onStop(DropwizardAppExtension<JakeBuysItConfiguration> app) {
                        // The schema goes once both instances (and their job servers) have stopped.
                        if (STOPPED.incrementAndGet() == 2) {
                            DB.close();
                        }
                    }
                });
    }

    private static JsonNode submitTo(DropwizardAppExtension<JakeBuysItConfiguration> instance, String token,
                                     Multipart form) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + instance.getLocalPort() + "/api/v1/offers"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", form.contentType())
                .POST(form.publisher())
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return HttpCalls.body(response);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("offerstreamtwo-photos");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The AI/pricing service as instance A sees it: {@code POST /identify} waits until released
     * (at most a few seconds, under the client's timeout), then names the item; {@code POST /research}
     * answers with recent sold comparables.
     */
    static final class AiServiceStub {

        static final String MODEL = "Switch OLED (identified on A)";
        private static final Duration HOLD_AT_MOST = Duration.ofSeconds(10);

        private final HttpServer server;
        private final CountDownLatch identifyRequested = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);
        private final AtomicInteger identifyRequests = new AtomicInteger();

        private AiServiceStub(HttpServer server) {
            this.server = server;
        }

        static AiServiceStub start() {
            try {
                HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
                AiServiceStub stub = new AiServiceStub(server);
                server.createContext("/identify", stub::identify);
                server.createContext("/research", stub::research);
                server.setExecutor(Executors.newCachedThreadPool(runnable -> {
                    Thread thread = new Thread(runnable, "ai-service-stub");
                    thread.setDaemon(true);
                    return thread;
                }));
                server.start();
                return stub;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort();
        }

        void awaitIdentifyRequested() throws InterruptedException {
            assertThat(identifyRequested.await(StreamClient.WAIT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("instance A asked its AI service to identify the item").isTrue();
        }

        void release() {
            released.countDown();
        }

        int identifyRequests() {
            return identifyRequests.get();
        }

        void stop() {
            server.stop(0);
        }

        private void identify(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            identifyRequests.incrementAndGet();
            identifyRequested.countDown();
            try {
                released.await(HOLD_AT_MOST.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ObjectNode answer = HttpCalls.JSON.createObjectNode()
                    .put("category", "gaming")
                    .put("subcategory", "consoles")
                    .put("brand", "Nintendo")
                    .put("model", MODEL)
                    .put("condition", "like_new")
                    .put("confidence", 0.95);
            answer.putArray("features").add("64 GB");
            answer.putArray("damage");
            answer.putObject("identifiers");
            reply(exchange, answer);
        }

        private void research(HttpExchange exchange) throws IOException {
            exchange.getRequestBody().readAllBytes();
            ObjectNode answer = HttpCalls.JSON.createObjectNode();
            ArrayNode listings = answer.putArray("listings");
            String[] prices = {"289.00", "295.00", "299.99", "302.50", "305.00", "310.00", "298.00", "301.00"};
            Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            for (int i = 0; i < prices.length; i++) {
                listings.addObject()
                        .put("title", "Nintendo Switch OLED white #" + i)
                        .put("price", prices[i])
                        .put("condition", i % 2 == 0 ? "like_new" : "good")
                        .put("soldAt", now.minus(Duration.ofDays(i + 1)).toString())
                        .put("url", "https://market.example/listing/" + i);
            }
            answer.putObject("stats");
            reply(exchange, answer);
        }

        private static void reply(HttpExchange exchange, ObjectNode body) throws IOException {
            byte[] bytes = HttpCalls.JSON.writeValueAsBytes(body);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (var out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
