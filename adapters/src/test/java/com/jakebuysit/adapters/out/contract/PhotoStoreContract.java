package com.jakebuysit.adapters.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.PhotoStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What every {@link PhotoStore} adapter promises; each adapter's test extends this. */
public abstract class PhotoStoreContract {

    /** A few bytes that look like the start of a JPEG, and a zero byte and a high byte too. */
    protected static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0,
        (byte) 0xFF, (byte) 0xD9};

    /** The adapter under test. */
    protected abstract PhotoStore store();

    /** Each test's own key prefix, so tests never see each other's photos. */
    protected String prefix;

    @BeforeEach
    void newPrefix() {
        prefix = "t-" + UUID.randomUUID() + "/";
    }

    @Test
    void a_stored_photo_comes_back_with_its_content_type() {
        store().put(prefix + "offers/1/photo-0.jpg", JPEG, "image/jpeg");

        PhotoStore.StoredObject stored = store().get(prefix + "offers/1/photo-0.jpg").orElseThrow();
        assertThat(stored.content()).isEqualTo(JPEG);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    void a_key_never_stored_is_empty() {
        assertThat(store().get(prefix + "never-stored.jpg")).isEmpty();
    }

    @Test
    void keys_are_stored_apart() {
        store().put(prefix + "a.png", "A".getBytes(StandardCharsets.US_ASCII), "image/png");
        store().put(prefix + "a.png.thumb", "B".getBytes(StandardCharsets.US_ASCII), "image/webp");

        assertThat(store().get(prefix + "a.png").orElseThrow().content()).containsExactly('A');
        assertThat(store().get(prefix + "a.png.thumb").orElseThrow().contentType()).isEqualTo("image/webp");
    }

    @Test
    void putting_again_replaces_content_and_type() {
        store().put(prefix + "p", JPEG, "image/jpeg");
        store().put(prefix + "p", "webp".getBytes(StandardCharsets.US_ASCII), "image/webp");

        PhotoStore.StoredObject stored = store().get(prefix + "p").orElseThrow();
        assertThat(stored.content()).isEqualTo("webp".getBytes(StandardCharsets.US_ASCII));
        assertThat(stored.contentType()).isEqualTo("image/webp");
    }

    @Test
    void an_empty_photo_is_stored_as_empty() {
        store().put(prefix + "empty", new byte[0], "audio/mpeg");

        assertThat(store().get(prefix + "empty").orElseThrow().content()).isEmpty();
    }

    @Test
    void a_deleted_photo_is_gone_and_deleting_again_is_harmless() {
        store().put(prefix + "gone.jpg", JPEG, "image/jpeg");

        store().delete(prefix + "gone.jpg");
        store().delete(prefix + "gone.jpg");
        store().delete(prefix + "never-there.jpg");

        assertThat(store().get(prefix + "gone.jpg")).isEmpty();
    }

    @Test
    void a_url_names_the_key() {
        store().put(prefix + "offers/2/thumb.webp", JPEG, "image/webp");

        assertThat(store().url(prefix + "offers/2/thumb.webp", Duration.ofMinutes(5)).getRawPath())
                .endsWith("/" + prefix + "offers/2/thumb.webp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "../etc/passwd", "a/../../b", "..", ".", "/abs/path", "a//b", "a/", "a\\b",
        "a\u0000b", ".hidden", "a/.meta", "sp ace", "ünïcode", "a?b", "a#b", "a%2Fb"})
    void unsafe_keys_are_refused_everywhere(String key) {
        assertThatThrownBy(() -> store().put(key, JPEG, "image/jpeg")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().get(key)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().url(key, Duration.ofMinutes(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().delete(key)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_overlong_key_is_refused() {
        assertThatThrownBy(() -> store().get("k".repeat(513))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void url_lifetimes_must_be_positive_and_at_most_a_week() {
        assertThatThrownBy(() -> store().url(prefix + "x", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().url(prefix + "x", Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().url(prefix + "x", Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().url(prefix + "x", Duration.ofDays(7))).isNotNull();
    }

    @Test
    void a_missing_content_type_is_refused() {
        assertThatThrownBy(() -> store().put(prefix + "x", JPEG, " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().put(prefix + "x", JPEG, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
