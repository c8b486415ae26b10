package com.jakebuysit.adapters.out.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.adapters.out.contract.PhotoStoreContract;
import com.jakebuysit.application.port.PhotoStore;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDiskPhotoStoreTest extends PhotoStoreContract {

    private static final byte[] SECRET = "a-photo-url-secret-of-32-bytes-at-least!".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Pattern LINK = Pattern.compile("http://localhost:8080/api/v1/photos/(.+)\\?expires=(\\d+)&sig=([A-Za-z0-9_-]+)");

    @TempDir
    Path directory;

    private LocalDiskPhotoStore store;

    @Override
    protected PhotoStore store() {
        if (store == null) {
            store = storeAt(directory, SECRET);
        }
        return store;
    }

    private static LocalDiskPhotoStore storeAt(Path directory, byte[] secret) {
        return new LocalDiskPhotoStore(directory, secret, URI.create("http://localhost:8080/"),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void photos_are_files_under_the_directory_with_their_type_beside() throws IOException {
        store().put("offers/1/photo-0.jpg", JPEG, "image/jpeg");

        assertThat(directory.resolve("offers/1/photo-0.jpg")).hasBinaryContent(JPEG);
        assertThat(directory.resolve("offers/1/.photo-0.jpg.meta")).hasContent("image/jpeg");
        try (Stream<Path> files = Files.list(directory.resolve("offers/1"))) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder(
                    "photo-0.jpg", ".photo-0.jpg.meta");
        }
    }

    @Test
    void a_file_without_its_sidecar_is_served_as_bytes() throws IOException {
        Files.write(directory.resolve("legacy.bin"), JPEG);

        assertThat(store().get("legacy.bin").orElseThrow().contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void a_directory_is_not_a_photo() {
        store().put("offers/7/photo.jpg", JPEG, "image/jpeg");

        assertThat(store().get("offers/7")).isEmpty();
    }

    @Test
    void a_content_type_that_could_break_a_header_is_refused() {
        assertThatThrownBy(() -> store().put("x.jpg", JPEG, "image/jpeg\r\nSet-Cookie: a=b"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().put("x.jpg", JPEG, "jpeg")).isInstanceOf(IllegalArgumentException.class);
        store().put("x.jpg", JPEG, "text/plain; charset=utf-8");
        assertThat(store().get("x.jpg").orElseThrow().contentType()).isEqualTo("text/plain; charset=utf-8");
    }

    @Test
    void the_url_is_a_signed_link_to_this_service() {
        URI url = store().url("offers/1/photo-0.jpg", Duration.ofMinutes(15));

        Matcher link = LINK.matcher(url.toString());
        assertThat(link.matches()).as(url.toString()).isTrue();
        assertThat(link.group(1)).isEqualTo("offers/1/photo-0.jpg");
        assertThat(Long.parseLong(link.group(2))).isEqualTo(NOW.plus(Duration.ofMinutes(15)).getEpochSecond());
        assertThat(link.group(3)).hasSize(43);
    }

    @Test
    void a_link_verifies_for_its_key_until_it_expires() {
        Link link = Link.of(store().url("offers/1/photo-0.jpg", Duration.ofMinutes(15)));
        LocalDiskPhotoStore verifier = (LocalDiskPhotoStore) store();

        assertThat(verifier.verify(link.key, link.expires, link.sig, NOW)).isTrue();
        assertThat(verifier.verify(link.key, link.expires, link.sig, Instant.ofEpochSecond(link.expires - 1))).isTrue();
        assertThat(verifier.verify(link.key, link.expires, link.sig, Instant.ofEpochSecond(link.expires))).isFalse();
        assertThat(verifier.verify(link.key, link.expires, link.sig, NOW.plus(Duration.ofDays(1)))).isFalse();
    }

    @Test
    void a_tampered_link_does_not_verify() {
        Link link = Link.of(store().url("offers/1/photo-0.jpg", Duration.ofMinutes(15)));
        LocalDiskPhotoStore verifier = (LocalDiskPhotoStore) store();
        char first = link.sig.charAt(0);
        String flipped = (first == 'A' ? 'B' : 'A') + link.sig.substring(1);

        assertThat(verifier.verify(link.key, link.expires, flipped, NOW)).as("another signature").isFalse();
        assertThat(verifier.verify(link.key, link.expires + 3600, link.sig, NOW)).as("a later expiry").isFalse();
        assertThat(verifier.verify("offers/1/photo-1.jpg", link.expires, link.sig, NOW)).as("another key").isFalse();
        assertThat(verifier.verify(link.key, link.expires, link.sig + "=", NOW)).as("padding added").isFalse();
        assertThat(verifier.verify(link.key, link.expires, "", NOW)).isFalse();
        assertThat(verifier.verify(link.key, link.expires, null, NOW)).isFalse();
        assertThat(verifier.verify("../" + link.key, link.expires, link.sig, NOW)).isFalse();
    }

    @Test
    void a_link_signed_with_another_secret_does_not_verify() {
        LocalDiskPhotoStore other = storeAt(directory, "another-secret-of-thirty-two-bytes-or-more".getBytes(StandardCharsets.UTF_8));
        Link link = Link.of(other.url("offers/1/photo-0.jpg", Duration.ofMinutes(15)));

        assertThat(((LocalDiskPhotoStore) store()).verify(link.key, link.expires, link.sig, NOW)).isFalse();
        assertThat(other.verify(link.key, link.expires, link.sig, NOW)).isTrue();
    }

    @Test
    void a_link_never_dies_before_its_lifetime() {
        LocalDiskPhotoStore store = new LocalDiskPhotoStore(directory, SECRET, URI.create("http://localhost:8080"),
                Clock.fixed(NOW.plusMillis(400), ZoneOffset.UTC));

        Link link = Link.of(store.url("k", Duration.ofSeconds(1)));

        assertThat(link.expires).isEqualTo(NOW.getEpochSecond() + 2);
    }

    @Test
    void a_short_secret_is_refused() {
        assertThatThrownBy(() -> storeAt(directory, new byte[31])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_overwrite_is_seen_whole_or_not_at_all() throws Exception {
        byte[] a = new byte[512 * 1024];
        byte[] b = new byte[512 * 1024];
        Arrays.fill(a, (byte) 'a');
        Arrays.fill(b, (byte) 'b');
        store().put("big.bin", a, "application/octet-stream");
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<?> writer = pool.submit(() -> {
                for (int i = 0; i < 200; i++) {
                    store().put("big.bin", i % 2 == 0 ? b : a, "application/octet-stream");
                }
                writing.set(false);
            });
            Future<Integer> reader = pool.submit(() -> {
                int reads = 0;
                while (writing.get()) {
                    byte[] seen = store().get("big.bin").orElseThrow().content();
                    assertThat(seen).hasSize(a.length);
                    assertThat(seen[0] == 'a' ? a : b).isEqualTo(seen);
                    reads++;
                }
                return reads;
            });
            writer.get(60, TimeUnit.SECONDS);
            assertThat(reader.get(60, TimeUnit.SECONDS)).isPositive();
        } finally {
            pool.shutdownNow();
        }
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(path -> path.getFileName().toString()).toList())
                    .as("no partial files left behind").containsExactlyInAnyOrder("big.bin", ".big.bin.meta");
        }
    }

    private record Link(String key, long expires, String sig) {
        static Link of(URI url) {
            Matcher matcher = LINK.matcher(url.toString());
            assertThat(matcher.matches()).as(url.toString()).isTrue();
            return new Link(matcher.group(1), Long.parseLong(matcher.group(2)), matcher.group(3));
        }
    }

}
