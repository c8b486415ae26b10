package com.jakebuysit.adapters.out.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.adapters.out.contract.PhotoStoreContract;
import com.jakebuysit.application.port.PhotoStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The S3 adapter against a real S3-compatible server in-process: SigV4, presigning, path-style. */
class S3PhotoStoreTest extends PhotoStoreContract {

    private static final String BUCKET = "jakebuysit-photos-test";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static TestS3Server server;
    private static S3PhotoStore store;

    @BeforeAll
    static void startServer() throws Exception {
        server = TestS3Server.start();
        server.createBucket(BUCKET);
        store = S3PhotoStore.create(server.settings(BUCKET));
    }

    @AfterAll
    static void stopServer() throws Exception {
        store.close();
        server.close();
    }

    @Override
    protected PhotoStore store() {
        return store;
    }

    @Test
    void a_presigned_url_serves_the_photo_to_a_plain_get() throws Exception {
        store.put(prefix + "offers/9/photo-1.jpg", JPEG, "image/jpeg");

        HttpResponse<byte[]> response = fetch(store.url(prefix + "offers/9/photo-1.jpg", Duration.ofMinutes(5)));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(JPEG);
        assertThat(response.headers().firstValue("Content-Type")).contains("image/jpeg");
    }

    @Test
    void urls_are_path_style_presigned_and_short_lived() {
        URI url = store.url(prefix + "a.jpg", Duration.ofMinutes(5));

        assertThat(url.getHost()).isEqualTo("127.0.0.1");
        assertThat(url.getPort()).isEqualTo(server.endpoint().getPort());
        assertThat(url.getRawPath()).isEqualTo("/" + BUCKET + "/" + prefix + "a.jpg");
        assertThat(url.getRawQuery())
                .contains("X-Amz-Algorithm=AWS4-HMAC-SHA256")
                .contains("X-Amz-Expires=300")
                .contains("X-Amz-Signature=")
                .doesNotContain(TestS3Server.SECRET_KEY);
    }

    @Test
    void an_expired_presigned_url_is_refused() throws Exception {
        store.put(prefix + "brief.jpg", JPEG, "image/jpeg");
        // SigV4 counts a lifetime from X-Amz-Date, a whole second at or before the signing: 2 s
        // leaves at least one for the fresh fetch, and 3.1 s later the link is gone for sure.
        URI url = store.url(prefix + "brief.jpg", Duration.ofSeconds(2));
        assertThat(fetch(url).statusCode()).as("while fresh").isEqualTo(200);

        Thread.sleep(3_100);

        HttpResponse<byte[]> response = fetch(url);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).isNotEqualTo(JPEG);
    }

    @Test
    void a_presigned_url_bent_to_another_key_is_refused() throws Exception {
        store.put(prefix + "mine.jpg", JPEG, "image/jpeg");
        store.put(prefix + "theirs.jpg", new byte[] {1, 2, 3}, "image/jpeg");
        URI mine = store.url(prefix + "mine.jpg", Duration.ofMinutes(5));

        URI bent = URI.create(mine.toString().replace("mine.jpg", "theirs.jpg"));

        assertThat(fetch(bent).statusCode()).isEqualTo(403);
    }

    @Test
    void a_missing_bucket_is_a_clear_error_that_retrying_will_not_fix() {
        try (S3PhotoStore lost = S3PhotoStore.create(server.settings("no-such-bucket"))) {
            assertThatThrownBy(() -> lost.put(prefix + "x.jpg", JPEG, "image/jpeg"))
                    .isInstanceOfSatisfying(S3StorageException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("no-such-bucket").contains("put").contains("404");
                    });
            // Not "no such photo": a missing bucket must not look like a missing key.
            assertThatThrownBy(() -> lost.get(prefix + "x.jpg")).isInstanceOf(S3StorageException.class);
            assertThatThrownBy(lost::checkBucket).isInstanceOf(S3StorageException.class);
        }
    }

    @Test
    void wrong_credentials_are_a_clear_error() {
        S3PhotoStore.Settings wrong = new S3PhotoStore.Settings(BUCKET, "us-east-1", Optional.of(server.endpoint()),
                TestS3Server.ACCESS_KEY, "not-the-secret");
        try (S3PhotoStore denied = S3PhotoStore.create(wrong)) {
            assertThatThrownBy(() -> denied.get(prefix + "x.jpg"))
                    .isInstanceOfSatisfying(S3StorageException.class, e -> {
                        assertThat(e.retryable()).isFalse();
                        assertThat(e.getMessage()).contains("403");
                    });
        }
    }

    @Test
    void an_unreachable_server_is_an_error_worth_retrying() {
        S3PhotoStore.Settings nowhere = new S3PhotoStore.Settings(BUCKET, "us-east-1",
                Optional.of(URI.create("http://127.0.0.1:1")), TestS3Server.ACCESS_KEY, TestS3Server.SECRET_KEY);
        try (S3PhotoStore down = S3PhotoStore.create(nowhere)) {
            assertThatThrownBy(() -> down.put(prefix + "x.jpg", JPEG, "image/jpeg"))
                    .isInstanceOfSatisfying(S3StorageException.class, e -> {
                        assertThat(e.retryable()).isTrue();
                        assertThat(e.getMessage()).contains(BUCKET);
                    });
        }
    }

    @Test
    void the_bucket_check_passes_for_a_reachable_bucket() {
        store.checkBucket();
    }

    @Test
    void settings_refuse_half_a_credential_and_keep_the_secret_out_of_logs() {
        assertThatThrownBy(() -> new S3PhotoStore.Settings(BUCKET, "us-east-1", Optional.empty(), "key", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3PhotoStore.Settings(" ", "us-east-1", Optional.empty(), "", ""))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.settings(BUCKET).toString()).doesNotContain(TestS3Server.SECRET_KEY);
    }

    private static HttpResponse<byte[]> fetch(URI url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
