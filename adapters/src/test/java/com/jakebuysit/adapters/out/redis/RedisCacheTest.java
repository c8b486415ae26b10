package com.jakebuysit.adapters.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.adapters.out.contract.CacheContract;
import com.jakebuysit.application.port.Cache;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RedisCacheTest extends CacheContract {

    private static TestRedis redis;
    private static RedisConnection connection;
    private static RedisCache cache;

    @BeforeAll
    static void connect() {
        redis = TestRedis.forClass(RedisCacheTest.class);
        connection = new RedisConnection(TestRedis.URL);
        cache = new RedisCache(connection, redis.prefix());
    }

    @AfterAll
    static void disconnect() {
        connection.close();
        redis.close();
    }

    @Override
    protected Cache cache() {
        return cache;
    }

    @Override
    protected void elapse(Duration duration) {
        // Redis keeps real time; waiting is the only way to let a TTL pass.
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Test
    void stores_an_entry_under_the_prefix_with_its_ttl() {
        cache.put("offer:42", "v", Duration.ofSeconds(30));

        String key = redis.prefix() + "cache:offer:42";
        assertThat(redis.admin().get(key)).isEqualTo("v");
        assertThat(redis.admin().pttl(key)).isPositive().isLessThanOrEqualTo(30_000);
    }

    @Test
    void an_unreachable_redis_is_a_clear_error_not_a_miss() {
        try (RedisConnection down = new RedisConnection(TestRedis.UNREACHABLE_URL)) {
            RedisCache unreachable = new RedisCache(down, redis.prefix());

            assertThatThrownBy(() -> unreachable.get("k")).isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(() -> unreachable.put("k", "v", Duration.ofMinutes(1)))
                    .isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(() -> unreachable.evict("k")).isInstanceOf(RedisUnavailableException.class);
        }
    }
}
