package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.adapters.out.postgres.JdbiOffers;
import com.jakebuysit.adapters.out.postgres.JdbiUsers;
import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.OfferId;
import com.jakebuysit.domain.TrustScore;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import com.jakebuysit.domain.offer.Offer;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The offer pipeline end to end on the embedded providers: photos in, a priced offer from Jake
 * out; and every refusal of the intake, which must leave nothing stored.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class OffersApiTest {

    private static final TestDatabase DB = TestDatabase.create("offersapi");
    private static final Path PHOTOS = tempDirectory();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "offersapi",
                    Map.of("providers.photos.localDirectory", PHOTOS.toString())));

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void aDescribedPhoneWithTwoJpegsBecomesReadyWithAPricedOfferFromJake() throws Exception {
        String token = HttpCalls.tokenFor(seller());
        HttpResponse<String> created = submit(token, new Multipart()
                .file("photos", "front.jpg", "image/jpeg", TestImages.jpeg(1))
                .file("photos", "back.jpg", "image/jpeg", TestImages.jpeg(2))
                .field("description", "Apple iPhone 13 Pro 256GB, like new, always in a case")
                .field("condition", "like_new"));

        assertThat(created.statusCode()).isEqualTo(202);
        JsonNode accepted = HttpCalls.body(created);
        assertThat(accepted.path("status").asText()).isEqualTo("processing");
        assertThat(accepted.path("streamUrl").asText()).endsWith("/stream");

        JsonNode offer = awaitSettled(accepted.path("id").asText(), token);
        assertThat(offer.path("status").asText()).isEqualTo("ready");
        assertThat(offer.path("item").path("brand").asText()).isEqualTo("Apple");
        assertThat(offer.path("item").path("model").asText()).containsIgnoringCase("13 Pro");
        assertThat(offer.path("fmv").asText()).matches("\\d+\\.\\d{2}");
        assertThat(offer.path("offerAmount").asText()).matches("\\d+\\.\\d{2}");
        assertThat(offer.path("offerToMarketRatio").asText()).matches("0\\.\\d+");
        assertThat(offer.path("expiresAt").asText()).isNotBlank();
        assertThat(offer.path("photos")).hasSize(2);
        assertThat(offer.path("breakdown").path("lines").size()).isGreaterThan(3);
        assertThat(offer.path("breakdown").path("comparables").size()).isGreaterThanOrEqualTo(5);
        String script = offer.path("jake").path("script").asText();
        assertThat(script).contains(offer.path("offerAmount").asText().replaceAll("\\.00$", ""));
        assertThat(offer.path("jake").path("tier").asInt()).isBetween(1, 3);
    }

    @Test
    void aVagueDescriptionGoesToAReviewer() throws Exception {
        String token = HttpCalls.tokenFor(seller());
        HttpResponse<String> created = submit(token, new Multipart()
                .file("photos", "thing.jpg", "image/jpeg", TestImages.jpeg(3))
                .field("description", "some old stuff from my garage"));

        JsonNode offer = awaitSettled(HttpCalls.body(created).path("id").asText(), token);
        assertThat(offer.path("status").asText()).isEqualTo("escalated");
        assertThat(offer.path("escalated").asBoolean()).isTrue();
        assertThat(offer.path("offerAmount").isNull() || offer.path("jake").isNull()).isTrue();
    }

    @Test
    void anAnonymousSellerFollowsTheirOfferWithTheStreamTokenAndNoOneElseCan() throws Exception {
        HttpResponse<String> created = submit(null, new Multipart()
                .file("photos", "p.png", "image/png", TestImages.png(4))
                .field("description", "Nintendo Switch OLED console, good condition"));
        assertThat(created.statusCode()).isEqualTo(202);
        String id = HttpCalls.body(created).path("id").asText();
        String streamToken = HttpCalls.body(created).path("streamToken").asText();

        assertThat(get("/api/v1/offers/" + id, null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/offers/" + id, null, "not-the-token").statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/offers/" + id, HttpCalls.tokenFor(seller()), null).statusCode()).isEqualTo(403);
        assertThat(get("/api/v1/offers/" + id, null, streamToken).statusCode()).isEqualTo(200);
        assertThat(get("/api/v1/offers/" + UserId.random(), null, streamToken).statusCode()).isEqualTo(404);
    }

    @Test
    void aSellerListsOnlyTheirOwnOffers() throws Exception {
        User mine = seller();
        String token = HttpCalls.tokenFor(mine);
        String own = HttpCalls.body(submit(token, new Multipart()
                .file("photos", "a.jpg", "image/jpeg", TestImages.jpeg(5))
                .field("description", "Sony WH-1000XM4 headphones"))).path("id").asText();
        submit(HttpCalls.tokenFor(seller()), new Multipart()
                .file("photos", "b.jpg", "image/jpeg", TestImages.jpeg(6))
                .field("description", "Sony WH-1000XM4 headphones"));
        awaitSettled(own, token);

        JsonNode page = HttpCalls.body(get("/api/v1/offers?limit=10", token, null));
        assertThat(page.path("data")).extracting(o -> o.path("id").asText()).containsExactly(own);
        assertThat(get("/api/v1/offers", null, null).statusCode()).isEqualTo(401);
        assertThat(get("/api/v1/offers?status=nonsense", token, null).statusCode()).isEqualTo(422);
    }

    @Test
    void aCachedViewNeverHidesANewerVersionOfTheOffer() throws Exception {
        String token = HttpCalls.tokenFor(seller());
        String id = HttpCalls.body(submit(token, new Multipart()
                .file("photos", "a.jpg", "image/jpeg", TestImages.jpeg(7))
                .field("description", "Apple iPhone 13 Pro 256GB"))).path("id").asText();
        assertThat(awaitSettled(id, token).path("status").asText()).isEqualTo("ready");
        assertThat(HttpCalls.body(get("/api/v1/offers/" + id, token, null)).path("status").asText()).isEqualTo("ready");

        // A writer that changes the offer without touching the cache (as a racing reader would leave it).
        JdbiOffers offers = new JdbiOffers(DB.jdbi());
        Offer ready = offers.byId(OfferId.of(id)).orElseThrow();
        offers.update(ready.decline(Optional.of("changed my mind"), Clock.systemUTC()));

        assertThat(HttpCalls.body(get("/api/v1/offers/" + id, token, null)).path("status").asText())
                .isEqualTo("declined");
    }

    // ---- refusals: each leaves nothing stored ----------------------------------------------------

    @Test
    void noPhotoIs422() throws Exception {
        assertRefusedWithNothingStored(new Multipart().field("description", "a lamp"), 422, "VALIDATION_FAILED");
    }

    @Test
    void sixPhotosAre422() throws Exception {
        Multipart body = new Multipart().field("description", "a lamp");
        for (int i = 0; i < 6; i++) {
            body.file("photos", i + ".jpg", "image/jpeg", TestImages.jpeg(10 + i));
        }
        assertRefusedWithNothingStored(body, 422, "VALIDATION_FAILED");
    }

    @Test
    void aMissingDescriptionIs422() throws Exception {
        assertRefusedWithNothingStored(new Multipart().file("photos", "a.jpg", "image/jpeg", TestImages.jpeg(20)),
                422, "VALIDATION_FAILED");
    }

    @Test
    void aPhotoOverTenMegabytesIs413() throws Exception {
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(TestImages.jpeg(21), 0, huge, 0, 100);
        assertRefusedWithNothingStored(new Multipart().field("description", "a lamp")
                .file("photos", "big.jpg", "image/jpeg", huge), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aGifIs415EvenWhenNamedJpeg() throws Exception {
        assertRefusedWithNothingStored(new Multipart().field("description", "a lamp")
                .file("photos", "fake.jpg", "image/jpeg", TestImages.gif(22)), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void textIs415() throws Exception {
        assertRefusedWithNothingStored(new Multipart().field("description", "a lamp")
                .file("photos", "notes.jpg", "image/jpeg", "just some text".getBytes()), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void oneBadPhotoAmongGoodOnesRefusesTheWholeOffer() throws Exception {
        assertRefusedWithNothingStored(new Multipart().field("description", "a lamp")
                .file("photos", "good.jpg", "image/jpeg", TestImages.jpeg(23))
                .file("photos", "bad.jpg", "image/jpeg", "not an image".getBytes()), 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aDecompressionBombIs413() throws Exception {
        assertRefusedWithNothingStored(new Multipart().field("description", "a lamp")
                .file("photos", "bomb.png", "image/png", TestImages.pngClaiming(20000, 20000)), 413,
                "PHOTO_TOO_LARGE");
    }

    @Test
    void anUnknownConditionIs422() throws Exception {
        assertRefusedWithNothingStored(new Multipart().field("description", "a lamp").field("condition", "mint")
                .file("photos", "a.jpg", "image/jpeg", TestImages.jpeg(24)), 422, "VALIDATION_FAILED");
    }

    private void assertRefusedWithNothingStored(Multipart body, int status, String code) throws Exception {
        String token = HttpCalls.tokenFor(seller());
        long offersBefore = offerCount();
        long filesBefore = fileCount();

        HttpResponse<String> response = submit(token, body);

        assertThat(response.statusCode()).isEqualTo(status);
        JsonNode error = HttpCalls.body(response);
        assertThat(error.path("code").asText()).isEqualTo(code);
        assertThat(error.path("statusCode").asInt()).isEqualTo(status);
        assertThat(error.path("error").asText()).isNotBlank();
        assertThat(offerCount()).isEqualTo(offersBefore);
        assertThat(fileCount()).isEqualTo(filesBefore);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static JsonNode awaitSettled(String id, String token) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            JsonNode offer = HttpCalls.body(get("/api/v1/offers/" + id, token, null));
            if (!offer.path("status").asText().equals("processing")) {
                return offer;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("offer " + id + " still processing; its audit trail: " + DB.jdbi().withHandle(
                        h -> h.createQuery("SELECT action || ' ' || coalesce(after::text, '') FROM audit_log"
                                        + " WHERE entity_id = :id ORDER BY id")
                                .bind("id", id).mapTo(String.class).list())
                        + "; lease: " + DB.jdbi().withHandle(h -> h.createQuery(
                                "SELECT holder || ' until ' || leased_until FROM pipeline_leases WHERE offer_id = CAST(:id AS uuid)")
                                .bind("id", id).mapTo(String.class).list()));
            }
            Thread.sleep(100);
        }
    }

    private static HttpResponse<String> submit(String token, Multipart body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/offers"))
                .header("Content-Type", body.contentType())
                .POST(body.publisher());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path, String token, String streamToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (streamToken != null) {
            request.header("X-Stream-Token", streamToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }

    private static User seller() {
        User user = User.register(UserId.random(), Email.of("seller-" + UserId.random() + "@example.com"),
                Optional.empty(), "Seller", Optional.empty(), TrustScore.of(50), Instant.now());
        new JdbiUsers(DB.jdbi()).insert(user);
        return user;
    }

    private static long offerCount() {
        return DB.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM offers").mapTo(Long.class).one());
    }

    private static long fileCount() throws IOException {
        if (!Files.exists(PHOTOS)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(PHOTOS)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("offersapi-photos");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
