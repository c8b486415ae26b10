package com.jakebuysit.adapters.out.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.Cache;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link Cache} adapter promises; each adapter's test extends this. */
public abstract class CacheContract {

    /** The adapter under test, empty at the start of each test. */
    protected abstract Cache cache();

    /** Lets at least {@code duration} pass as the cache sees time. */
    protected abstract void elapse(Duration duration);

    @Test
    void a_key_never_stored_is_a_miss() {
        assertThat(cache().get("never-stored")).isEmpty();
    }

    @Test
    void a_stored_value_is_returned() {
        cache().put("offer:1", "{\"amount\":\"123.45\",\"name\":\"Jake’s 🤠 hat\"}", Duration.ofMinutes(1));

        assertThat(cache().get("offer:1")).contains("{\"amount\":\"123.45\",\"name\":\"Jake’s 🤠 hat\"}");
    }

    @Test
    void keys_are_stored_apart() {
        cache().put("a", "1", Duration.ofMinutes(1));
        cache().put("b", "2", Duration.ofMinutes(1));

        assertThat(cache().get("a")).contains("1");
        assertThat(cache().get("b")).contains("2");
    }

    @Test
    void an_evicted_key_is_a_miss() {
        cache().put("k", "v", Duration.ofMinutes(1));

        cache().evict("k");

        assertThat(cache().get("k")).isEmpty();
    }

    @Test
    void evicting_a_missing_key_is_harmless() {
        cache().evict("missing");

        assertThat(cache().get("missing")).isEmpty();
    }

    @Test
    void an_entry_is_a_miss_once_its_ttl_has_passed() {
        cache().put("short", "v", Duration.ofMillis(150));
        cache().put("long", "v", Duration.ofMinutes(1));

        elapse(Duration.ofMillis(300));

        assertThat(cache().get("short")).isEmpty();
        assertThat(cache().get("long")).contains("v");
    }

    @Test
    void putting_again_replaces_the_value_and_its_ttl() {
        cache().put("k", "old", Duration.ofMillis(150));
        cache().put("k", "new", Duration.ofMinutes(1));

        elapse(Duration.ofMillis(300));

        assertThat(cache().get("k")).contains("new");
    }

    @Test
    void a_ttl_must_be_positive() {
        assertThatThrownBy(() -> cache().put("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cache().put("k", "v", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }
}
