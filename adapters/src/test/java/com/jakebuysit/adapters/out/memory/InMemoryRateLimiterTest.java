package com.jakebuysit.adapters.out.memory;

import com.jakebuysit.domain.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.adapters.out.contract.RateLimiterContract;
import com.jakebuysit.application.port.RateLimiter;
import com.jakebuysit.application.port.RateLimiter.Decision;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryRateLimiterTest extends RateLimiterContract {

    private final MutableClock clock = MutableClock.at("2025-06-01T12:00:00Z");
    private final InMemoryRateLimiter limiter = new InMemoryRateLimiter(clock);

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Override
    protected void elapse(Duration duration) {
        clock.advance(duration);
    }

    @Test
    void retry_after_is_exactly_what_is_left_of_the_window() {
        limiter.acquire("k", 1, Duration.ofSeconds(60));
        clock.advance(Duration.ofSeconds(45));

        assertThat(limiter.acquire("k", 1, Duration.ofSeconds(60)))
                .isEqualTo(new Decision(false, 0, Duration.ofSeconds(15)));
    }

    @Test
    void forgets_windows_that_have_ended() {
        for (int i = 0; i < 1_000; i++) {
            limiter.acquire("caller-" + i, 5, Duration.ofSeconds(10));
        }
        assertThat(limiter.trackedKeys()).isEqualTo(1_000);

        clock.advance(Duration.ofMinutes(2));
        limiter.acquire("someone-new", 5, Duration.ofSeconds(10));

        assertThat(limiter.trackedKeys()).isEqualTo(1);
    }

    @Test
    void keeps_windows_still_open_when_sweeping() {
        limiter.acquire("long", 1, Duration.ofMinutes(10));
        limiter.acquire("short", 1, Duration.ofSeconds(10));

        clock.advance(Duration.ofMinutes(2));
        limiter.acquire("someone-new", 1, Duration.ofSeconds(10));

        assertThat(limiter.trackedKeys()).isEqualTo(2);
        assertThat(limiter.acquire("long", 1, Duration.ofMinutes(10)).allowed()).isFalse();
    }
}
