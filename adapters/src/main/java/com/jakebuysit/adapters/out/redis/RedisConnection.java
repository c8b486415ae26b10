package com.jakebuysit.adapters.out.redis;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The one pooled Redis client of an instance, built from a {@code redis://host:port[/db]}
 * URL, and the place where Jedis failures become {@link RedisUnavailableException}.
 */
public final class RedisConnection implements AutoCloseable {

    /** Pool and timeouts; the defaults suit a request-serving instance. */
    public record Settings(int maxConnections, Duration connectTimeout, Duration readTimeout, Duration borrowTimeout) {

        // Jedis's default pool of 8 throttles a node serving many concurrent requests.
        public static final Settings DEFAULTS =
                new Settings(32, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2));

        public Settings {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be positive");
            }
            requirePositive(connectTimeout, "connectTimeout");
            requirePositive(readTimeout, "readTimeout");
            requirePositive(borrowTimeout, "borrowTimeout");
        }

        private static void requirePositive(Duration value, String name) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
        }
    }

    private final HostAndPort address;
    private final JedisClientConfig clientConfig;
    private final RedisClient client;

    public RedisConnection(String url) {
        this(url, Settings.DEFAULTS);
    }

    public RedisConnection(String url, Settings settings) {
        URI uri = parse(url);
        this.address = JedisURIHelper.getHostAndPort(uri);
        this.clientConfig = clientConfig(uri, settings);
        this.client = RedisClient.builder()
                .hostAndPort(address)
                .clientConfig(clientConfig)
                .poolConfig(poolConfig(settings))
                .build();
    }

    /** One round trip, for health checks; throws {@link RedisUnavailableException} when Redis does not answer. */
    public Duration ping() {
        long start = System.nanoTime();
        call(UnifiedJedis::ping);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Runs one command on a pooled connection; connection and pool failures become {@link RedisUnavailableException}. */
    <T> T call(Function<UnifiedJedis, T> command) {
        try {
            return command.apply(client);
        } catch (JedisDataException e) {
            // Redis answered with an error: a bug in the command, not an outage.
            throw e;
        } catch (JedisException e) {
            throw new RedisUnavailableException("Redis at " + address + " is unavailable: " + e.getMessage(), e);
        }
    }

    /**
     * A connection of its own, outside the pool, for a long-lived subscriber; it is named so
     * that {@code CLIENT LIST} shows what it is for. Opening it connects.
     */
    Connection openDedicated(String clientName) {
        JedisClientConfig named = DefaultJedisClientConfig.builder()
                .from(clientConfig)
                // Redis accepts only printable ASCII without spaces in a client name.
                .clientName(clientName.replaceAll("[^!-~]", "_"))
                .build();
        return new Connection(address, named);
    }

    HostAndPort address() {
        return address;
    }

    @Override
    public void close() {
        client.close();
    }

    private static URI parse(String url) {
        Objects.requireNonNull(url, "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a redis:// URL", e);
        }
        if (!JedisURIHelper.isValid(uri) || !(JedisURIHelper.isRedisScheme(uri) || JedisURIHelper.isRedisSSLScheme(uri))) {
            // The URL may hold a password, so it is not repeated here.
            throw new IllegalArgumentException("not a redis:// URL");
        }
        return uri;
    }

    private static JedisClientConfig clientConfig(URI uri, Settings settings) {
        DefaultJedisClientConfig.Builder config = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()))
                .socketTimeoutMillis(Math.toIntExact(settings.readTimeout().toMillis()))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri));
        String user = JedisURIHelper.getUser(uri);
        String password = JedisURIHelper.getPassword(uri);
        if (user != null) {
            config.user(user);
        }
        if (password != null) {
            config.password(password);
        }
        if (JedisURIHelper.hasDbIndex(uri)) {
            config.database(JedisURIHelper.getDBIndex(uri));
        }
        RedisProtocol protocol = JedisURIHelper.getRedisProtocol(uri);
        if (protocol != null) {
            config.protocol(protocol);
        }
        return config.build();
    }

    private static ConnectionPoolConfig poolConfig(Settings settings) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.maxConnections());
        pool.setMaxIdle(settings.maxConnections());
        pool.setMinIdle(0);
        // Without a bound, a caller waits forever for a pooled connection when Redis stalls.
        pool.setMaxWait(settings.borrowTimeout());
        pool.setBlockWhenExhausted(true);
        pool.setTestWhileIdle(true);
        return pool;
    }
}
