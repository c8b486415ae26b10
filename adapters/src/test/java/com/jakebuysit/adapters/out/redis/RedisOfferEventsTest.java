package com.jakebuysit.adapters.out.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.adapters.out.contract.Await;
import com.jakebuysit.adapters.out.contract.OfferEventsContract;
import com.jakebuysit.adapters.out.memory.InMemoryOfferEvents;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.OfferEvents.Subscription;
import io.dropwizard.jackson.Jackson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RedisOfferEventsTest extends OfferEventsContract {

    /** Short pauses so a reconnect happens within the test's patience. */
    private static final RedisOfferEvents.Timings QUICK = new RedisOfferEvents.Timings(
            Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofMillis(50), Duration.ofMillis(500));

    private static TestRedis redis;

    private RedisConnection connection;
    private RedisOfferEvents events;

    @BeforeAll
    static void prefix() {
        redis = TestRedis.forClass(RedisOfferEventsTest.class);
    }

    @AfterAll
    static void cleanUp() {
        redis.close();
    }

    @BeforeEach
    void connect() {
        connection = new RedisConnection(TestRedis.URL);
        events = new RedisOfferEvents(connection, redis.prefix(), Jackson.newObjectMapper(), new InMemoryOfferEvents(), QUICK);
    }

    @AfterEach
    void disconnect() {
        events.close();
        connection.close();
    }

    @Override
    protected OfferEvents events() {
        return events;
    }

    @Test
    void an_event_published_on_one_instance_reaches_a_listener_on_another() {
        try (RedisConnection otherConnection = new RedisConnection(TestRedis.URL);
                RedisOfferEvents otherInstance = new RedisOfferEvents(otherConnection, redis.prefix(), Jackson.newObjectMapper(), new InMemoryOfferEvents())) {
            UUID offerId = UUID.randomUUID();
            Recorder here = new Recorder();
            Recorder there = new Recorder();
            events.subscribe(offerId, here);
            otherInstance.subscribe(offerId, there);

            events.publish(step(offerId, "identify"));
            otherInstance.publish(step(offerId, "pricing"));

            assertThat(there.next(2)).containsExactly(step(offerId, "identify"), step(offerId, "pricing"));
            assertThat(here.next(2)).containsExactly(step(offerId, "identify"), step(offerId, "pricing"));
        }
    }

    @Test
    void publishes_json_on_the_offers_channel() {
        UUID offerId = UUID.randomUUID();
        String channel = redis.prefix() + "offer-events:" + offerId;
        events.subscribe(offerId, new Recorder());

        assertThat(redis.subscribers(channel)).isEqualTo(1);
    }

    @Test
    void all_subscriptions_of_an_instance_share_one_subscriber_connection() {
        for (int i = 0; i < 5; i++) {
            UUID offerId = UUID.randomUUID();
            events.subscribe(offerId, new Recorder());
            events.subscribe(offerId, new Recorder());
        }

        assertThat(redis.clientIdsNamed(events.subscriberName())).hasSize(1);
    }

    @Test
    void unsubscribes_an_offers_channel_when_its_last_listener_closes() {
        UUID offerId = UUID.randomUUID();
        String channel = redis.prefix() + "offer-events:" + offerId;
        Subscription first = events.subscribe(offerId, new Recorder());
        Subscription second = events.subscribe(offerId, new Recorder());

        first.close();
        // A confirmed subscription travels the same connection after any UNSUBSCRIBE the close sent.
        events.subscribe(UUID.randomUUID(), new Recorder());
        assertThat(redis.subscribers(channel)).isEqualTo(1);

        second.close();
        Await.until("the channel has no subscriber", () -> redis.subscribers(channel) == 0);
    }

    @Test
    void racing_subscribes_and_closes_on_one_offer_leave_it_subscribed_exactly_while_someone_listens() throws Exception {
        UUID offerId = UUID.randomUUID();
        String channel = redis.prefix() + "offer-events:" + offerId;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> churn = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                churn.add(pool.submit(() -> {
                    for (int j = 0; j < 25; j++) {
                        events.subscribe(offerId, new Recorder()).close();
                    }
                }));
            }
            for (Future<?> future : churn) {
                future.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        Recorder last = new Recorder();
        Subscription subscription = events.subscribe(offerId, last);
        events.publish(step(offerId, "identify"));
        assertThat(last.next().step()).isEqualTo("identify");
        assertThat(redis.subscribers(channel)).isEqualTo(1);

        subscription.close();
        Await.until("the channel has no subscriber", () -> redis.subscribers(channel) == 0);
    }

    @Test
    void subscribes_again_after_redis_drops_the_connection() {
        UUID offerId = UUID.randomUUID();
        Recorder recorder = new Recorder();
        events.subscribe(offerId, recorder);
        events.publish(step(offerId, "identify"));
        assertThat(recorder.next().step()).isEqualTo("identify");

        redis.killClientsNamed(events.subscriberName());

        // Pub/sub does not replay what was sent while disconnected, so keep publishing until heard.
        Await.until("an event is heard on the new connection", () -> {
            events.publish(step(offerId, "pricing"));
            return !recorder.received().isEmpty();
        });
        assertThat(recorder.next().step()).isEqualTo("pricing");
        assertThat(redis.clientIdsNamed(events.subscriberName())).hasSize(1);
    }

    @Test
    void a_heartbeat_heard_in_time_keeps_the_connection() {
        RedisOfferEvents.Timings frequentHeartbeat = new RedisOfferEvents.Timings(
                Duration.ofSeconds(3), Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(500));
        try (RedisOfferEvents beating = new RedisOfferEvents(connection, redis.prefix(), Jackson.newObjectMapper(), new InMemoryOfferEvents(), frequentHeartbeat)) {
            UUID offerId = UUID.randomUUID();
            Recorder recorder = new Recorder();
            beating.subscribe(offerId, recorder);
            List<String> before = redis.clientIdsNamed(beating.subscriberName());

            Await.until("ten heartbeats came back", () -> beating.heartbeatsHeard() >= 10);

            assertThat(redis.clientIdsNamed(beating.subscriberName())).isEqualTo(before).hasSize(1);
            beating.publish(step(offerId, "identify"));
            assertThat(recorder.next().step()).isEqualTo("identify");
        }
    }

    @Test
    void a_message_that_is_not_an_event_is_skipped() {
        UUID offerId = UUID.randomUUID();
        Recorder recorder = new Recorder();
        events.subscribe(offerId, recorder);

        redis.admin().publish(redis.prefix() + "offer-events:" + offerId, "not json");
        events.publish(step(offerId, "identify"));

        assertThat(recorder.next().step()).isEqualTo("identify");
    }

    @Test
    void an_unreachable_redis_is_a_clear_error() {
        RedisOfferEvents.Timings impatient = new RedisOfferEvents.Timings(
                Duration.ofMillis(300), Duration.ofSeconds(15), Duration.ofMillis(50), Duration.ofMillis(100));
        try (RedisConnection down = new RedisConnection(TestRedis.UNREACHABLE_URL);
                RedisOfferEvents unreachable = new RedisOfferEvents(down, redis.prefix(), Jackson.newObjectMapper(), new InMemoryOfferEvents(), impatient)) {
            UUID offerId = UUID.randomUUID();

            assertThatThrownBy(() -> unreachable.publish(step(offerId, "identify")))
                    .isInstanceOf(RedisUnavailableException.class);
            assertThatThrownBy(() -> unreachable.subscribe(offerId, new Recorder()))
                    .isInstanceOf(RedisUnavailableException.class);
        }
    }
}
