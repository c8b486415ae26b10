package com.jakebuysit.bootstrap;

import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import java.util.UUID;

/** Config overrides that point the application at the test's own schema and key prefix. */
final class TestSupport {

    static final String REDIS_URL = env("TEST_REDIS_URL", "redis://127.0.0.1:6379");

    private TestSupport() {
    }

    static ConfigOverride[] overrides(TestDatabase db, String label, ConfigOverride... extra) {
        ConfigOverride[] base = {
            ConfigOverride.config("database.url", db.jdbcUrl()),
            ConfigOverride.config("database.user", db.user()),
            ConfigOverride.config("database.password", db.password()),
            ConfigOverride.config("redis.url", REDIS_URL),
            ConfigOverride.config("redis.keyPrefix", "test:" + label + ":" + UUID.randomUUID() + ":"),
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"),
            ConfigOverride.config("logging.level", "WARN"),
        };
        ConfigOverride[] all = new ConfigOverride[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return all;
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
