package com.jakebuysit.bootstrap;

import com.codahale.metrics.health.HealthCheck;
import com.jakebuysit.adapters.out.memory.InMemoryCache;
import com.jakebuysit.adapters.out.memory.InMemoryOfferEvents;
import com.jakebuysit.adapters.out.memory.InMemoryRateLimiter;
import com.jakebuysit.adapters.out.redis.RedisCache;
import com.jakebuysit.adapters.out.redis.RedisConnection;
import com.jakebuysit.adapters.out.redis.RedisOfferEvents;
import com.jakebuysit.adapters.out.redis.RedisRateLimiter;
import com.jakebuysit.application.port.Cache;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.RateLimiter;
import com.jakebuysit.bootstrap.config.RedisConfig;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;

/**
 * The cache, rate-limit and event ports: on Redis when REDIS_URL is set (shared by every
 * instance), in-process otherwise (the single-node embedded default).
 */
record Infrastructure(Cache cache, RateLimiter rateLimiter, OfferEvents offerEvents, String description) {

    static Infrastructure build(RedisConfig config, Clock clock, Environment environment) {
        if (!config.isConfigured()) {
            InMemoryOfferEvents events = new InMemoryOfferEvents();
            environment.lifecycle().manage(closing(events::close));
            return new Infrastructure(new InMemoryCache(clock), new InMemoryRateLimiter(clock), events, "in-process");
        }
        RedisConnection redis = new RedisConnection(config.getUrl());
        String prefix = config.getKeyPrefix();
        RedisOfferEvents events = new RedisOfferEvents(redis, prefix, environment.getObjectMapper(), new InMemoryOfferEvents());
        // Events stop before the connection pool they use.
        environment.lifecycle().manage(closing(redis::close));
        environment.lifecycle().manage(closing(events::close));
        environment.healthChecks().register("redis", new HealthCheck() {
            @Override
            protected Result check() {
                try {
                    return Result.healthy("ping %d ms", redis.ping().toMillis());
                } catch (RuntimeException e) {
                    return Result.unhealthy("Redis does not answer: " + e.getMessage());
                }
            }
        });
        return new Infrastructure(new RedisCache(redis, prefix), new RedisRateLimiter(redis, prefix), events,
                "Redis");
    }

    private static Managed closing(Runnable close) {
        return new Managed() {
            @Override
            public void stop() {
                close.run();
            }
        };
    }
}
