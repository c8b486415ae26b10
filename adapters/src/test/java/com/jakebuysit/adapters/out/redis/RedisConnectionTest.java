package com.jakebuysit.adapters.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RedisConnectionTest {

    @Test
    void pings_a_live_redis() {
        try (RedisConnection connection = new RedisConnection(TestRedis.URL)) {
            assertThat(connection.ping()).isPositive();
        }
    }

    @Test
    void a_ping_to_an_unreachable_redis_is_a_clear_error() {
        try (RedisConnection connection = new RedisConnection(TestRedis.UNREACHABLE_URL)) {
            assertThatThrownBy(connection::ping).isInstanceOf(RedisUnavailableException.class);
        }
    }

    @Test
    void accepts_only_a_redis_url_and_never_repeats_it() {
        assertThatThrownBy(() -> new RedisConnection("http://user:secret@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new RedisConnection("redis://:secret@has space:6379"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("secret");
    }
}
