package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.out.local.LocalDiskPhotoStore;
import com.jakebuysit.adapters.out.s3.S3PhotoStore;
import com.jakebuysit.application.port.PhotoStore;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which store {@code providers.photos} picks, and what it registers; no server needed. */
class PhotoStoreWiringTest {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    @Test
    void the_local_store_registers_a_resource_to_serve_its_links(@TempDir Path dir) {
        Environment environment = new Environment("test");
        JakeBuysItConfiguration config = config(Map.of("type", "local", "localDirectory", dir.toString()));
        int components = environment.jersey().getResourceConfig().getSingletons().size();

        PhotoStore store = PhotoStoreWiring.build(config, environment);

        assertThat(store).isInstanceOf(LocalDiskPhotoStore.class);
        assertThat(((LocalDiskPhotoStore) store).directory()).isEqualTo(dir.toAbsolutePath());
        assertThat(store.url("offers/1/a.jpg", Duration.ofMinutes(1)).toString())
                .startsWith("http://localhost:8080/api/v1/photos/offers/1/a.jpg?expires=");
        // Dropwizard wraps a resource instance in a binder, so only the count shows here; PhotosApiTest serves through it.
        assertThat(environment.jersey().getResourceConfig().getSingletons()).hasSize(components + 1);
    }

    @Test
    void s3_presigns_path_style_links_to_the_configured_endpoint_and_serves_nothing_itself() {
        Environment environment = new Environment("test");
        JakeBuysItConfiguration config = config(Map.of("type", "s3", "s3Bucket", "photos",
                "s3Endpoint", "http://127.0.0.1:9000", "s3Region", "eu-west-1",
                "s3AccessKey", "access", "s3SecretKey", "secret"));
        int components = environment.jersey().getResourceConfig().getSingletons().size();

        PhotoStore store = PhotoStoreWiring.build(config, environment);

        assertThat(store).isInstanceOf(S3PhotoStore.class);
        URI link = store.url("offers/1/a.jpg", Duration.ofMinutes(5));
        assertThat(link.getHost()).isEqualTo("127.0.0.1");
        assertThat(link.getRawPath()).isEqualTo("/photos/offers/1/a.jpg");
        assertThat(link.getRawQuery()).contains("X-Amz-Expires=300").contains("eu-west-1");
        assertThat(environment.jersey().getResourceConfig().getSingletons()).hasSize(components);
        ((S3PhotoStore) store).close();
    }

    @Test
    void s3_without_a_bucket_stops_the_start() {
        JakeBuysItConfiguration config = config(Map.of("type", "s3"));

        assertThatThrownBy(() -> PhotoStoreWiring.build(config, new Environment("test")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("S3_BUCKET");
    }

    @Test
    void without_an_endpoint_s3_means_aws_itself() {
        S3PhotoStore.Settings settings = PhotoStoreWiring.s3Settings(
                config(Map.of("type", "s3", "s3Bucket", "photos")).getProviders().getPhotos());

        assertThat(settings.endpoint()).isEmpty();
        assertThat(settings.region()).isEqualTo("us-east-1");
    }

    @Test
    void an_unset_signing_secret_is_a_fresh_random_key_and_a_short_one_is_refused() {
        byte[] first = PhotoStoreWiring.urlSigningSecret("");
        byte[] second = PhotoStoreWiring.urlSigningSecret(null);

        assertThat(first).hasSize(LocalDiskPhotoStore.MIN_SECRET_BYTES).isNotEqualTo(second);
        assertThat(PhotoStoreWiring.urlSigningSecret("x".repeat(32))).hasSize(32);
        assertThatThrownBy(() -> PhotoStoreWiring.urlSigningSecret("too-short"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PHOTO_URL_SECRET");
    }

    private static JakeBuysItConfiguration config(Map<String, String> photos) {
        return JSON.convertValue(Map.of("providers", Map.of("photos", photos)), JakeBuysItConfiguration.class);
    }
}
