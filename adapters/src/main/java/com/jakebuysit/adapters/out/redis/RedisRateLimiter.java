package com.jakebuysit.adapters.out.redis;

import com.jakebuysit.application.port.RateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A fixed-window limit shared by every instance. Each check is one Lua script, which Redis
 * runs atomically, so concurrent callers on any number of nodes are never over-granted.
 * The counter lives under {@code <prefix>rate:<key>} and expires with its window.
 */
public final class RedisRateLimiter implements RateLimiter {

    /*
     * KEYS[1] counter; ARGV[1] limit; ARGV[2] window in ms. Returns {allowed 0|1, count, ttl ms}.
     * The window starts at the first granted call and is never extended: a refused call reads
     * the counter and its TTL but writes neither, so a client hammering a closed window cannot
     * keep it closed. The counter never passes the limit. A counter found without an expiry
     * (only possible if something outside this script wrote it) gets one, so it cannot block forever.
     */
    static final String SCRIPT = """
            local limit = tonumber(ARGV[1])
            local window = tonumber(ARGV[2])
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            local allowed = 0
            if count < limit then
              count = redis.call('INCR', KEYS[1])
              if count == 1 then
                redis.call('PEXPIRE', KEYS[1], window)
              end
              allowed = 1
            end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl == -1 then
              redis.call('PEXPIRE', KEYS[1], window)
              ttl = window
            end
            return {allowed, count, ttl}
            """;

    /*
     * KEYS[1] counter. Takes one back: DECR keeps the key's TTL, so the window stays as it was;
     * the last one deletes the key, as if nothing had been granted in the window.
     */
    static final String RELEASE_SCRIPT = """
            local count = tonumber(redis.call('GET', KEYS[1]) or '0')
            if count > 1 then
              return redis.call('DECR', KEYS[1])
            end
            if count == 1 then
              redis.call('DEL', KEYS[1])
            end
            return 0
            """;

    private final RedisConnection redis;
    private final String namespace;
    private final String script;
    private final String scriptSha;

    public RedisRateLimiter(RedisConnection redis, String keyPrefix) {
        this(redis, keyPrefix, SCRIPT);
    }

    /** With a script text of the test's choosing, to exercise a server that has never seen it. */
    RedisRateLimiter(RedisConnection redis, String keyPrefix, String script) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.namespace = Objects.requireNonNull(keyPrefix, "keyPrefix") + "rate:";
        this.script = script;
        this.scriptSha = sha1(script);
    }

    @Override
    public Decision acquire(String key, int limit, Duration window) {
        Objects.requireNonNull(key, "key");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        if (window == null || window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least one millisecond");
        }
        List<String> keys = List.of(namespace + key);
        List<String> args = List.of(Integer.toString(limit), Long.toString(window.toMillis()));
        List<?> reply = (List<?>) call(() -> redis.call(client -> {
            try {
                return client.evalsha(scriptSha, keys, args);
            } catch (JedisNoScriptException e) {
                // First use on this server (or after SCRIPT FLUSH / a restart): EVAL also caches it.
                return client.eval(script, keys, args);
            }
        }));
        boolean allowed = ((Long) reply.get(0)) == 1L;
        long count = (Long) reply.get(1);
        long ttlMillis = (Long) reply.get(2);
        long remaining = Math.max(0, limit - count);
        Duration retryAfter = allowed ? Duration.ZERO : Duration.ofMillis(Math.max(1, ttlMillis));
        return new Decision(allowed, remaining, retryAfter);
    }

    @Override
    public void release(String key) {
        Objects.requireNonNull(key, "key");
        // Rare (one per successful login), so plain EVAL: no script cache to manage.
        call(() -> redis.call(client -> client.eval(RELEASE_SCRIPT, List.of(namespace + key), List.of())));
    }

    /** An outage becomes the port's own {@link RateLimiter.Unavailable}, which callers can act on. */
    private static Object call(Supplier<Object> command) {
        try {
            return command.get();
        } catch (RedisUnavailableException e) {
            throw new RateLimiter.Unavailable(e.getMessage(), e);
        }
    }

    private static String sha1(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(script.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-1", e);
        }
    }
}
