package com.jakebuysit.bootstrap;

import com.jakebuysit.domain.rules.RateLimitRules;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Config overrides that point the application at the test's own schema and key prefix. */
final class TestSupport {

    static final String REDIS_URL = env("TEST_REDIS_URL", "redis://127.0.0.1:6379");

    /** Known to tests so they can mint tokens (expired, other roles) the app will verify. */
    static final String JWT_SECRET = "test-secret-of-at-least-thirty-two-bytes-0123456789";

    /** A fixed payout-details key, so app tests neither write var/keys nor depend on it. */
    static final String PAYOUT_KEYS = "test1:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";

    /**
     * The route limit app tests run under unless they set their own ({@link #rateLimits}): every call of a
     * test class comes from 127.0.0.1, often with one account, so the real 100 per minute would refuse them.
     * The default in the config table stays 100; only the test's own schema is changed.
     */
    static final int TEST_ROUTE_LIMIT = 1_000_000;

    private TestSupport() {
    }

    static ConfigOverride[] overrides(TestDatabase db, String label) {
        return overrides(db, label, Map.of());
    }

    /** The test defaults, with {@code extra} replacing any of them. */
    static ConfigOverride[] overrides(TestDatabase db, String label, Map<String, String> extra) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("database.url", db.jdbcUrl());
        settings.put("database.user", db.user());
        settings.put("database.password", db.password());
        settings.put("redis.url", REDIS_URL);
        settings.put("redis.keyPrefix", "test:" + label + ":" + UUID.randomUUID() + ":");
        settings.put("server.applicationConnectors[0].port", "0");
        settings.put("server.adminConnectors[0].port", "0");
        settings.put("logging.level", "WARN");
        // The lowest cost we allow: tests hash many passwords.
        settings.put("auth.bcryptCost", "10");
        settings.put("auth.jwtSecret", JWT_SECRET);
        settings.put("auth.payoutKeys", PAYOUT_KEYS);
        settings.put("auth.payoutActiveKeyId", "test1");
        settings.putAll(extra);
        rateLimits(db, RateLimitRules.defaults().withRoutePerMinute(TEST_ROUTE_LIMIT));
        return settings.entrySet().stream()
                .map(setting -> ConfigOverride.config(setting.getKey(), setting.getValue()))
                .toArray(ConfigOverride[]::new);
    }

    /**
     * Sets the {@code rate_limits} row of the test's schema (migrating it first, which the app's own
     * migration at start then finds done). Call it before the app first reads the rules: the app
     * caches them for 30 s.
     */
    static void rateLimits(TestDatabase db, RateLimitRules limits) {
        db.migrate();
        db.execute("UPDATE config SET value = jsonb_build_object('routePerMinute', " + limits.routePerMinute()
                + ", 'offersPerHour', " + limits.offersPerHour() + ", 'offersPerDay', " + limits.offersPerDay()
                + ", 'anonymousOffersPerIpPerDay', " + limits.anonymousOffersPerIpPerDay()
                + ") WHERE key = 'rate_limits'");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
