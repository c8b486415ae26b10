package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.adapters.out.postgres.JdbiUsers;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.testsupport.TestDatabase;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dropwizard.testing.DropwizardTestSupport;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed (SIGKILL) in the middle of an offer's pipeline: another instance finishes the
 * offer from where it stopped, and no finished step runs again.
 */
class PipelineSurvivesAKilledServerTest {

    private final TestDatabase db = TestDatabase.create("killedserver");
    private final AtomicInteger identifyCalls = new AtomicInteger();
    private final AtomicInteger researchCalls = new AtomicInteger();
    private final CountDownLatch researchStarted = new CountDownLatch(1);
    private volatile boolean researchHangs = true;
    private HttpServer ai;
    private Process first;
    private DropwizardTestSupport<JakeBuysItConfiguration> second;

    @AfterEach
    void stopEverything() {
        if (first != null) {
            first.destroyForcibly();
        }
        if (second != null) {
            second.after();
        }
        if (ai != null) {
            ai.stop(0);
        }
        db.close();
    }

    @Test
    void anotherInstanceFinishesTheOfferWithoutRedoingFinishedSteps(@TempDir Path dir) throws Exception {
        startAiService();
        String redisPrefix = "test:killed:" + UUID.randomUUID() + ":";
        int port = freePort();
        first = startServerProcess(dir, port, redisPrefix);
        try {
            awaitTrue("first server healthy", Duration.ofSeconds(90), () -> healthy(port));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; its log ends:\n" + tail(dir.resolve("first-server.log")), e);
        }

        User seller = User.register(UserId.random(), Email.of("killed-" + UUID.randomUUID() + "@example.com"),
                Optional.empty(), "Seller", Optional.empty(), TrustScore.of(50),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        new JdbiUsers(db.jdbi()).insert(seller);
        Multipart body = new Multipart()
                .file("photos", "front.jpg", "image/jpeg", TestImages.jpeg(31))
                .file("photos", "back.jpg", "image/jpeg", TestImages.jpeg(32))
                .field("description", "Apple iPhone 13 Pro 256GB")
                .field("condition", "like_new");
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/offers"))
                .header("Content-Type", body.contentType())
                .header("Authorization", "Bearer " + HttpCalls.tokenFor(seller))
                .POST(body.publisher()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(202);
        UUID offerId = UUID.fromString(HttpCalls.body(created).path("id").asText());

        // Identification is stored; market research is in flight when the server dies.
        assertThat(researchStarted.await(60, TimeUnit.SECONDS)).isTrue();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(status(offerId)).isEqualTo("processing");
        assertThat(stepsRecorded(offerId, "offer.step.identify")).isEqualTo(1);
        assertThat(stepsRecorded(offerId, "offer.step.market")).isZero();

        researchHangs = false;
        second = new DropwizardTestSupport<>(JakeBuysItApplication.class, "config.yml",
                TestSupport.overrides(db, "killed-second", Map.of(
                        "redis.keyPrefix", redisPrefix,
                        "providers.ai.type", "http",
                        "providers.ai.url", aiUrl(),
                        "providers.photos.localDirectory", dir.resolve("photos").toString(),
                        "jobs.pipelineLease", "3s")));
        second.before();

        awaitTrue("offer finished by the second server", Duration.ofSeconds(90),
                () -> !"processing".equals(status(offerId)));
        assertThat(status(offerId)).isEqualTo("ready");
        assertThat(identifyCalls.get()).as("identification is not asked again").isEqualTo(1);
        assertThat(researchCalls.get()).as("the interrupted research is asked again").isEqualTo(2);
        for (String step : new String[] {"offer.step.identify", "offer.step.market", "offer.step.pricing",
                "offer.step.voice", "offer.ready"}) {
            assertThat(stepsRecorded(offerId, step)).as(step).isEqualTo(1);
        }
    }

    private Process startServerProcess(Path dir, int port, String redisPrefix) throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("DATABASE_URL", db.jdbcUrl());
        env.put("DATABASE_USER", db.user());
        env.put("DATABASE_PASSWORD", db.password());
        env.put("REDIS_URL", TestSupport.REDIS_URL);
        env.put("REDIS_KEY_PREFIX", redisPrefix);
        env.put("PORT", String.valueOf(port));
        env.put("ADMIN_PORT", String.valueOf(freePort()));
        env.put("JWT_SECRET", TestSupport.JWT_SECRET);
        env.put("BCRYPT_COST", "10");
        env.put("AI_PROVIDER", "http");
        env.put("AI_SERVICE_URL", aiUrl());
        env.put("PHOTO_DIR", dir.resolve("photos").toString());
        env.put("LOG_LEVEL", "WARN");
        // The durable check is due after the kill, so the second server's job queue finds it.
        env.put("PIPELINE_CHECK_AFTER", "8s");
        env.put("PIPELINE_LEASE", "3s");
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                JakeBuysItApplication.class.getName(), "server", "config.yml");
        builder.environment().putAll(env);
        File log = dir.resolve("first-server.log").toFile();
        builder.redirectErrorStream(true).redirectOutput(log);
        return builder.start();
    }

    private void startAiService() throws IOException {
        ai = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ai.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        ai.createContext("/identify", exchange -> {
            identifyCalls.incrementAndGet();
            respond(exchange, """
                    {"category": "phones_tablets", "subcategory": "Smartphones", "brand": "Apple",
                     "model": "iPhone 13 Pro", "condition": "like new", "features": ["256GB"], "damage": [],
                     "confidence": 0.93, "identifiers": {}}""");
        });
        ai.createContext("/research", exchange -> {
            researchCalls.incrementAndGet();
            if (researchHangs) {
                researchStarted.countDown();
                sleepQuietly(Duration.ofSeconds(120));
                exchange.close();
                return;
            }
            StringBuilder listings = new StringBuilder();
            String[] prices = {"610.00", "640.00", "655.00", "600.00", "625.00", "630.00"};
            for (int i = 0; i < prices.length; i++) {
                listings.append(i == 0 ? "" : ",").append("""
                        {"title": "iPhone 13 Pro 256GB", "price": "%s", "condition": "like_new",
                         "soldAt": "%s", "url": "https://sold.example/%d"}""".formatted(prices[i],
                        Instant.now().minus(Duration.ofDays(2 + i)), i));
            }
            respond(exchange, "{\"listings\": [" + listings + "], \"stats\": {}}");
        });
        ai.start();
    }

    private String aiUrl() {
        return "http://127.0.0.1:" + ai.getAddress().getPort();
    }

    private static void respond(HttpExchange exchange, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private String status(UUID offerId) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT status FROM offers WHERE id = :id")
                .bind("id", offerId).mapTo(String.class).one());
    }

    private int stepsRecorded(UUID offerId, String action) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM audit_log WHERE entity_type = 'offer' AND entity_id = :id AND action = :action")
                .bind("id", offerId.toString()).bind("action", action).mapTo(Integer.class).one());
    }

    private static boolean healthy(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/health")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void awaitTrue(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(200);
        }
    }

    private static String tail(Path log) {
        try {
            var lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
