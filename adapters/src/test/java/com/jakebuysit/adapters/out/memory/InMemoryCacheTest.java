package com.jakebuysit.adapters.out.memory;

import com.jakebuysit.domain.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.adapters.out.contract.CacheContract;
import com.jakebuysit.application.port.Cache;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryCacheTest extends CacheContract {

    private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
    private final InMemoryCache cache = new InMemoryCache(clock);

    @Override
    protected Cache cache() {
        return cache;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void an_entry_lives_until_the_last_moment_of_its_ttl() {
        cache.put("k", "v", Duration.ofSeconds(10));

        clock.advance(Duration.ofSeconds(10).minusNanos(1));
        assertThat(cache.get("k")).contains("v");
        clock.advance(Duration.ofNanos(1));
        assertThat(cache.get("k")).isEmpty();
    }

    @Test
    void holds_no_more_entries_than_its_bound() {
        InMemoryCache bounded = new InMemoryCache(clock, 100);

        for (int i = 0; i < 1_000; i++) {
            bounded.put("k" + i, "v", Duration.ofMinutes(1));
        }

        assertThat(bounded.size()).isLessThanOrEqualTo(100);
    }
}
