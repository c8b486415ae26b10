package com.jakebuysit.adapters.out.redis;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ClientKillParams;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The real Redis named by TEST_REDIS_URL, seen through a key prefix of one test class's own,
 * so test classes never see each other's keys or channels. Deletes its keys on close.
 */
final class TestRedis implements AutoCloseable {

    static final String URL = System.getenv().getOrDefault("TEST_REDIS_URL", "redis://127.0.0.1:6379");

    /** Nothing listens on port 1, so a connection there is refused at once. */
    static final String UNREACHABLE_URL = "redis://127.0.0.1:1";

    private final String prefix;
    private final Jedis admin;

    private TestRedis(String prefix) {
        this.prefix = prefix;
        this.admin = new Jedis(URI.create(URL));
    }

    static TestRedis forClass(Class<?> testClass) {
        String name = testClass.getSimpleName().toLowerCase(Locale.ROOT);
        return new TestRedis("test:" + name + ":" + UUID.randomUUID().toString().substring(0, 8) + ":");
    }

    String prefix() {
        return prefix;
    }

    /** Direct access for checking what the adapters wrote. */
    Jedis admin() {
        return admin;
    }

    long subscribers(String channel) {
        Map<String, Long> counts = admin.pubsubNumSub(channel);
        return counts.getOrDefault(channel, 0L);
    }

    /** Ids of the connections that gave themselves this name. */
    List<String> clientIdsNamed(String name) {
        List<String> ids = new ArrayList<>();
        for (String line : admin.clientList().split("\n")) {
            String id = null;
            String clientName = null;
            for (String field : line.trim().split(" ")) {
                if (field.startsWith("id=")) {
                    id = field.substring(3);
                } else if (field.startsWith("name=")) {
                    clientName = field.substring(5);
                }
            }
            if (name.equals(clientName)) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Drops connections from the server's side, as a Redis restart or a network cut would. */
    void killClientsNamed(String name) {
        for (String id : clientIdsNamed(name)) {
            admin.clientKill(ClientKillParams.clientKillParams().id(id));
        }
    }

    @Override
    public void close() {
        try {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match(prefix + "*").count(500);
            do {
                ScanResult<String> page = admin.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    admin.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        } finally {
            admin.close();
        }
    }
}
