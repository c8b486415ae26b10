package com.jakebuysit.adapters.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.adapters.out.contract.RateLimiterContract;
import com.jakebuysit.application.port.RateLimiter;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisRateLimiterTest extends RateLimiterContract {

    private static TestRedis redis;
    private static RedisConnection connection;

    private RedisRateLimiter limiter;

    @BeforeAll
    static void connect() {
        redis = TestRedis.forClass(RedisRateLimiterTest.class);
        connection = new RedisConnection(TestRedis.URL);
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        redis.close();
    }

    @BeforeEach
    void freshCounters() {
        // The contract reuses key names across tests; a prefix per test keeps their counters apart.
        limiter = new RedisRateLimiter(connection, redis.prefix() + UUID.randomUUID().toString().substring(0, 8) + ":");
    }

    @Override
    protected RateLimiter limiter() {
        return limiter;
    }

    @Override
    protected void elapse(Duration duration) {
        // Redis keeps real time; waiting is the only way to let a window pass.
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void keeps_the_counter_under_the_prefix_expiring_with_the_window() {
        RedisRateLimiter limiter = new RedisRateLimiter(connection, redis.prefix());

        limiter.acquire("login:203.0.113.9", 5, Duration.ofSeconds(30));
        limiter.acquire("login:203.0.113.9", 5, Duration.ofSeconds(30));

        String key = redis.prefix() + "rate:login:203.0.113.9";
        assertThat(redis.admin().get(key)).isEqualTo("2");
        assertThat(redis.admin().pttl(key)).isPositive().isLessThanOrEqualTo(30_000);
    }

    @Test
    void loads_its_script_on_a_server_that_has_never_seen_it() {
        // A comment unique to this run gives a script text, and so a SHA, no server knows yet;
        // flushing the server's scripts instead would pull them from under everyone else.
        String unseen = RedisRateLimiter.SCRIPT + "-- " + UUID.randomUUID() + "\n";
        RedisRateLimiter limiter = new RedisRateLimiter(connection, redis.prefix(), unseen);

        assertThat(limiter.acquire("unseen", 5, Duration.ofSeconds(30)).remaining()).isEqualTo(4);
        assertThat(limiter.acquire("unseen", 5, Duration.ofSeconds(30)).remaining()).isEqualTo(3);
    }

    @Test
    void an_unreachable_redis_is_the_ports_own_clear_error() {
        try (RedisConnection down = new RedisConnection(TestRedis.UNREACHABLE_URL)) {
            RedisRateLimiter unreachable = new RedisRateLimiter(down, redis.prefix());

            // The port's type, so callers outside the adapters can apply the Redis-down decision.
            assertThatThrownBy(() -> unreachable.acquire("k", 5, Duration.ofMinutes(1)))
                    .isInstanceOf(RateLimiter.Unavailable.class)
                    .hasCauseInstanceOf(RedisUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:1");
            assertThatThrownBy(() -> unreachable.release("k"))
                    .isInstanceOf(RateLimiter.Unavailable.class);
        }
    }
}
