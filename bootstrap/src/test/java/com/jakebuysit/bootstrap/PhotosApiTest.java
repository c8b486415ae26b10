package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.adapters.out.local.LocalDiskPhotoStore;
import com.jakebuysit.application.port.PhotoStore;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The local photo store as the application wires it: links signed with the configured secret are
 * served, everything else refused. The test signs with its own store over the same directory and
 * secret, as a second instance of the service would.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PhotosApiTest {

    private static final TestDatabase DB = TestDatabase.create("photosapi");
    private static final String SECRET = "photo-link-secret-for-tests-0123456789";
    private static final Path PHOTOS = temporaryDirectory();
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
        (byte) 0xFF, (byte) 0xD9};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            JakeBuysItApplication.class, "config.yml", TestSupport.overrides(DB, "photosapi", Map.of(
                    "providers.photos.type", "local",
                    "providers.photos.localDirectory", PHOTOS.toString(),
                    "providers.photos.urlSigningSecret", SECRET,
                    "auth.publicBaseUrl", "https://api.jakebuysit.test")));

    @AfterAll
    static void cleanUp() throws IOException {
        DB.close();
        try (var files = Files.walk(PHOTOS)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Test
    void a_signed_link_serves_the_photo_with_its_type_and_cache_headers() {
        String key = "offers/" + UUID.randomUUID() + "/photo-0.jpg";
        photos().put(key, JPEG, "image/jpeg");
        URI link = photos().url(key, Duration.ofMinutes(5));
        assertThat(link.toString()).startsWith("https://api.jakebuysit.test/api/v1/photos/" + key + "?expires=");

        HttpResponse<byte[]> response = get(link);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(JPEG);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        String cache = response.headers().firstValue("Cache-Control").orElseThrow();
        assertThat(cache).startsWith("private, max-age=");
        assertThat(Long.parseLong(cache.substring("private, max-age=".length()))).isBetween(240L, 300L);
    }

    @Test
    void a_tampered_signature_is_403_in_the_error_shape() {
        String key = "offers/" + UUID.randomUUID() + "/photo-0.jpg";
        photos().put(key, JPEG, "image/jpeg");
        String link = photos().url(key, Duration.ofMinutes(5)).toString();
        String sig = link.substring(link.indexOf("&sig=") + 5);
        String tampered = link.replace("&sig=" + sig, "&sig=" + (sig.charAt(0) == 'A' ? 'B' : 'A') + sig.substring(1));

        assertForbidden(get(URI.create(tampered)));
    }

    @Test
    void an_unsigned_or_malformed_link_is_403() {
        String key = "offers/" + UUID.randomUUID() + "/photo-0.jpg";
        photos().put(key, JPEG, "image/jpeg");

        assertForbidden(get(path("/api/v1/photos/" + key)));
        assertForbidden(get(path("/api/v1/photos/" + key + "?expires=99999999999&sig=")));
        assertForbidden(get(path("/api/v1/photos/" + key + "?expires=soon&sig=abc")));
    }

    @Test
    void an_expired_link_is_403() {
        String key = "offers/" + UUID.randomUUID() + "/photo-0.jpg";
        photos().put(key, JPEG, "image/jpeg");
        // Signed with the app's secret by a store whose clock stands an hour back.
        LocalDiskPhotoStore past = new LocalDiskPhotoStore(PHOTOS, SECRET.getBytes(StandardCharsets.UTF_8),
                URI.create("https://api.jakebuysit.test"), Clock.fixed(Instant.now().minus(Duration.ofHours(1)), ZoneOffset.UTC));

        assertForbidden(get(past.url(key, Duration.ofMinutes(5))));
    }

    @Test
    void a_link_cannot_be_bent_to_another_key_or_the_type_sidecar() {
        String key = "offers/" + UUID.randomUUID() + "/photo-0.jpg";
        photos().put(key, JPEG, "image/jpeg");
        photos().put(key.replace("photo-0", "photo-1"), JPEG, "image/jpeg");
        String link = photos().url(key, Duration.ofMinutes(5)).toString();

        assertForbidden(get(URI.create(link.replace("photo-0.jpg", "photo-1.jpg"))));
        assertForbidden(get(URI.create(link.replace("photo-0.jpg", ".photo-0.jpg.meta"))));
    }

    @Test
    void a_validly_signed_link_to_a_missing_photo_is_404() throws IOException {
        URI link = photos().url("offers/" + UUID.randomUUID() + "/never-stored.jpg", Duration.ofMinutes(5));

        HttpResponse<byte[]> response = get(link);

        JsonNode body = assertErrorShape(response, 404, "NOT_FOUND");
        assertThat(body.path("error").asText()).isNotBlank();
    }

    private static final PhotoStore PHOTO_STORE = new LocalDiskPhotoStore(PHOTOS,
            SECRET.getBytes(StandardCharsets.UTF_8), URI.create("https://api.jakebuysit.test"), Clock.systemUTC());

    private static PhotoStore photos() {
        return PHOTO_STORE;
    }

    private static void assertForbidden(HttpResponse<byte[]> response) {
        try {
            assertErrorShape(response, 403, "FORBIDDEN");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
    }

    private static JsonNode assertErrorShape(HttpResponse<byte[]> response, int status, String code) throws IOException {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = HttpCalls.JSON.readTree(response.body());
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("statusCode").asInt()).isEqualTo(status);
        assertThat(body.path("details").isObject()).isTrue();
        return body;
    }

    /** The link as handed out names the public host; the request goes to this test's server. */
    private static HttpResponse<byte[]> get(URI link) {
        return getPath(link.getRawPath() + (link.getRawQuery() == null ? "" : "?" + link.getRawQuery()));
    }

    private static URI path(String pathAndQuery) {
        return URI.create("http://localhost:" + APP.getLocalPort() + pathAndQuery);
    }

    private static HttpResponse<byte[]> getPath(String pathAndQuery) {
        try {
            return HTTP.send(HttpRequest.newBuilder(path(pathAndQuery)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("jakebuysit-photos-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
