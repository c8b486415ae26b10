package com.jakebuysit.application.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.RateLimiter;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.rules.RateLimitRules;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OfferAllowancesTest {

    private static final RateLimitRules LIMITS = new RateLimitRules(100, 2, 3, 1);

    private final FakeLimiter limiter = new FakeLimiter();
    private final AtomicInteger outages = new AtomicInteger();
    private final OfferAllowances allowances = new OfferAllowances(limiter,
            new LimiterOutage("offer allowances", outages::incrementAndGet, Clock.systemUTC()));

    @Test
    void anAccountSpendsItsHourlyAllowanceThenIsRefusedWithWhenAndWhich() {
        UserId seller = UserId.random();
        allowances.take(Optional.of(seller), Optional.of("198.51.100.1"), LIMITS);
        allowances.take(Optional.of(seller), Optional.of("198.51.100.1"), LIMITS);

        assertThatThrownBy(() -> allowances.take(Optional.of(seller), Optional.empty(), LIMITS))
                .isInstanceOfSatisfying(RateLimited.class, refused -> {
                    assertThat(refused.what()).isEqualTo("offersPerHour");
                    assertThat(refused.limit()).isEqualTo(2);
                    assertThat(refused.retryAfter()).isEqualTo(Duration.ofMinutes(7));
                });
        // Another account is counted apart.
        allowances.take(Optional.of(UserId.random()), Optional.empty(), LIMITS);
    }

    @Test
    void aRefusalByTheDailyAllowanceGivesTheHourlyUnitBack() {
        UserId seller = UserId.random();
        String hour = "offers:account:" + seller + ":hour";
        String day = "offers:account:" + seller + ":day";
        limiter.counts.put(day, 3);

        assertThatThrownBy(() -> allowances.take(Optional.of(seller), Optional.empty(), LIMITS))
                .isInstanceOfSatisfying(RateLimited.class, r -> assertThat(r.what()).isEqualTo("offersPerDay"));
        assertThat(limiter.counts.getOrDefault(hour, 0)).isZero();
    }

    @Test
    void whatIsGivenBackCanBeTakenAgain() {
        UserId seller = UserId.random();
        allowances.take(Optional.of(seller), Optional.empty(), LIMITS);
        OfferAllowances.Taken second = allowances.take(Optional.of(seller), Optional.empty(), LIMITS);

        second.giveBack();

        assertThat(second.keys()).hasSize(2);
        allowances.take(Optional.of(seller), Optional.empty(), LIMITS);
        assertThatThrownBy(() -> allowances.take(Optional.of(seller), Optional.empty(), LIMITS))
                .isInstanceOf(RateLimited.class);
    }

    @Test
    void anonymousSellersAreCountedPerAddressPerDay() {
        allowances.take(Optional.empty(), Optional.of("198.51.100.1"), LIMITS);

        assertThatThrownBy(() -> allowances.take(Optional.empty(), Optional.of("198.51.100.1"), LIMITS))
                .isInstanceOfSatisfying(RateLimited.class,
                        r -> assertThat(r.what()).isEqualTo("anonymousOffersPerIpPerDay"));
        allowances.take(Optional.empty(), Optional.of("198.51.100.2"), LIMITS);
    }

    @Test
    void unreachableCountersLetTheOfferThroughAndAreCounted() {
        limiter.down = true;
        UserId seller = UserId.random();

        for (int i = 0; i < 5; i++) {
            allowances.take(Optional.of(seller), Optional.empty(), LIMITS).giveBack();
        }

        assertThat(outages.get()).isEqualTo(5);
    }

    /** Counts per key; refuses at the limit with a fixed Retry-After; can be "down". */
    private static final class FakeLimiter implements RateLimiter {
        final Map<String, Integer> counts = new HashMap<>();
        boolean down;

        @Override
        public Decision acquire(String key, int limit, Duration window) {
            if (down) {
                throw new Unavailable("down", null);
            }
            int count = counts.getOrDefault(key, 0);
            if (count >= limit) {
                return new Decision(false, 0, Duration.ofMinutes(7));
            }
            counts.put(key, count + 1);
            return new Decision(true, limit - count - 1, Duration.ZERO);
        }

        @Override
        public void release(String key) {
            if (down) {
                throw new Unavailable("down", null);
            }
            counts.computeIfPresent(key, (k, c) -> c <= 1 ? null : c - 1);
        }
    }
}
