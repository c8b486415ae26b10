package com.jakebuysit.adapters.out.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.jakebuysit.application.port.OfferEvents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPubSub;

/**
 * Offer events between instances over Redis pub/sub: each event is published as JSON on
 * {@code <prefix>offer-events:<offerId>}, so a client connected to any instance hears the
 * work done on any other. An instance holds one subscriber connection for all its listeners,
 * subscribes a channel while the offer has a listener here, fans messages out through an
 * the in-process {@link OfferEvents} it is given, and after a dropped connection reconnects with backoff and
 * subscribes again. Pub/sub delivers at most once: events published while the connection is
 * down are not replayed.
 */
public final class RedisOfferEvents implements OfferEvents, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RedisOfferEvents.class);

    /** How long to wait for Redis, and how to retry; the defaults suit production. */
    record Timings(Duration subscribeTimeout, Duration heartbeatInterval, Duration minBackoff, Duration maxBackoff) {
        static final Timings DEFAULTS = new Timings(
                Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofMillis(100), Duration.ofSeconds(5));
    }

    private final RedisConnection redis;
    private final String channelPrefix;
    private final String controlChannel;
    private final String subscriberName;
    private final ObjectWriter writer;
    private final ObjectReader reader;
    private final Timings timings;
    /** Delivers to this instance's listeners; reached through the port, as adapters reach each other. */
    private final OfferEvents local;
    private final AtomicLong heartbeatsHeard = new AtomicLong();

    private volatile Connection connection;
    private volatile long lastHeardNanos = System.nanoTime();
    private volatile boolean closed;

    /*
     * Everything below is guarded by lock. Subscription state and the SUBSCRIBE/UNSUBSCRIBE
     * commands change under one lock so Redis sees commands in the order the state changed.
     */
    private final ReentrantLock lock = new ReentrantLock();
    /** Listeners here per channel; a channel is subscribed while it has one. */
    private final Map<String, Integer> listenersByChannel = new HashMap<>();
    /** Channels wanted but not yet confirmed by Redis; subscribe() waits on these. */
    private final Map<String, CompletableFuture<Void>> awaitingConfirmation = new HashMap<>();
    /** SUBSCRIBE commands sent on the live connection and not yet confirmed, per channel. */
    private final Map<String, Integer> unconfirmedSubscribes = new HashMap<>();
    /** The bridge of the current connection once Redis confirmed it; null while (re)connecting. */
    private Bridge live;
    private Thread subscriberThread;
    private ScheduledExecutorService heartbeat;

    /**
     * With the application's JSON mapping, so events look the same on every transport, and the
     * in-process fan-out that hands received events to this instance's listeners (closed with this).
     */
    public RedisOfferEvents(RedisConnection redis, String keyPrefix, ObjectMapper mapper, OfferEvents localFanOut) {
        this(redis, keyPrefix, mapper, localFanOut, Timings.DEFAULTS);
    }

    RedisOfferEvents(RedisConnection redis, String keyPrefix, ObjectMapper mapper, OfferEvents localFanOut,
                     Timings timings) {
        this.local = Objects.requireNonNull(localFanOut, "localFanOut");
        this.redis = Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        this.channelPrefix = keyPrefix + "offer-events:";
        // Keeps the subscriber subscribed to something, since Redis leaves subscriber mode
        // when the last channel goes; unique per instance, so only this instance's heartbeat is heard on it.
        String instanceId = UUID.randomUUID().toString();
        this.controlChannel = keyPrefix + "offer-events-control:" + instanceId;
        this.subscriberName = keyPrefix + "offer-events-subscriber:" + instanceId;
        this.writer = mapper.writerFor(OfferEvent.class);
        this.reader = mapper.readerFor(OfferEvent.class);
        this.timings = Objects.requireNonNull(timings, "timings");
    }

    @Override
    public void publish(OfferEvent event) {
        Objects.requireNonNull(event, "event");
        String json;
        try {
            json = writer.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("offer event of " + event.offerId() + " is not serialisable to JSON", e);
        }
        String channel = channel(event.offerId());
        redis.call(client -> client.publish(channel, json));
    }

    /**
     * Returns once Redis has confirmed the subscription, so nothing published afterwards is
     * missed; throws {@link RedisUnavailableException} if that takes longer than the timeout.
     */
    @Override
    public Subscription subscribe(UUID offerId, Consumer<OfferEvent> listener) {
        Objects.requireNonNull(offerId, "offerId");
        Objects.requireNonNull(listener, "listener");
        String channel = channel(offerId);
        RedisSubscription subscription = new RedisSubscription(channel, local.subscribe(offerId, listener));
        CompletableFuture<Void> confirmed;
        lock.lock();
        try {
            if (closed) {
                subscription.local.close();
                throw new IllegalStateException("offer events are closed");
            }
            int listeners = listenersByChannel.merge(channel, 1, Integer::sum);
            if (listeners == 1) {
                awaitingConfirmation.put(channel, new CompletableFuture<>());
                if (live != null) {
                    sendSubscribe(live, List.of(channel));
                }
            }
            confirmed = awaitingConfirmation.get(channel);
            startSubscriberOnce();
        } finally {
            lock.unlock();
        }
        if (confirmed != null) {
            awaitConfirmation(confirmed, subscription, offerId);
        }
        return subscription;
    }

    @Override
    public void close() {
        Thread thread;
        ScheduledExecutorService heartbeatToStop;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            live = null;
            thread = subscriberThread;
            heartbeatToStop = heartbeat;
            awaitingConfirmation.values().forEach(f -> f.completeExceptionally(new IllegalStateException("closed")));
            awaitingConfirmation.clear();
        } finally {
            lock.unlock();
        }
        Connection current = connection;
        if (current != null) {
            // Closing the socket is what ends the subscriber's blocking read.
            current.disconnect();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (heartbeatToStop != null) {
            heartbeatToStop.shutdownNow();
        }
        if (local instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.warn("closing the local fan-out failed", e);
            }
        }
    }

    /** The name of this instance's subscriber connection in {@code CLIENT LIST}. */
    String subscriberName() {
        return subscriberName;
    }

    private String channel(UUID offerId) {
        return channelPrefix + offerId;
    }

    private void awaitConfirmation(CompletableFuture<Void> confirmed, RedisSubscription subscription, UUID offerId) {
        try {
            confirmed.get(timings.subscribeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            subscription.close();
            throw new RedisUnavailableException("could not subscribe to events of offer " + offerId + " within "
                    + timings.subscribeTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            subscription.close();
            Thread.currentThread().interrupt();
            throw new RedisUnavailableException("interrupted while subscribing to events of offer " + offerId, e);
        }
    }

    private void release(String channel) {
        lock.lock();
        try {
            Integer listeners = listenersByChannel.get(channel);
            if (listeners == null) {
                return;
            }
            if (listeners > 1) {
                listenersByChannel.put(channel, listeners - 1);
                return;
            }
            listenersByChannel.remove(channel);
            awaitingConfirmation.remove(channel);
            if (live != null) {
                try {
                    live.unsubscribe(channel);
                } catch (RuntimeException e) {
                    // The connection is failing; a new one subscribes only to channels still wanted.
                    LOG.debug("could not unsubscribe {}; the connection is being replaced", channel, e);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** Caller holds the lock. */
    private void sendSubscribe(Bridge bridge, List<String> channels) {
        if (channels.isEmpty()) {
            return;
        }
        channels.forEach(channel -> unconfirmedSubscribes.merge(channel, 1, Integer::sum));
        try {
            bridge.subscribe(channels.toArray(String[]::new));
        } catch (RuntimeException e) {
            // The connection is failing; the subscriber thread reconnects and subscribes all wanted channels.
            LOG.debug("could not subscribe {}; the connection is being replaced", channels, e);
        }
    }

    /** Caller holds the lock. */
    private void startSubscriberOnce() {
        if (subscriberThread != null) {
            return;
        }
        subscriberThread = new Thread(this::runSubscriber, "redis-offer-events-subscriber");
        subscriberThread.setDaemon(true);
        subscriberThread.start();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "redis-offer-events-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        long interval = timings.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::checkConnection, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void runSubscriber() {
        long backoffMillis = timings.minBackoff().toMillis();
        int failedAttempts = 0;
        while (!closed) {
            Bridge bridge = new Bridge();
            RuntimeException failure = null;
            boolean wasLive;
            try (Connection opened = redis.openDedicated(subscriberName)) {
                connection = opened;
                lastHeardNanos = System.nanoTime();
                if (closed) {
                    break;
                }
                // Blocks for as long as the connection lives.
                bridge.proceed(opened, controlChannel);
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                connection = null;
                wasLive = connectionLost(bridge);
            }
            if (closed) {
                break;
            }
            if (wasLive) {
                // A connection that worked and dropped is retried at once; a failing server, with growing pauses.
                backoffMillis = timings.minBackoff().toMillis();
                failedAttempts = 0;
                LOG.warn("offer events lost their Redis subscriber connection ({}); reconnecting", String.valueOf(failure));
            } else if (++failedAttempts == 1) {
                LOG.warn("offer events cannot open a Redis subscriber connection ({}); retrying every {} ms at most",
                        String.valueOf(failure), timings.maxBackoff().toMillis());
            } else {
                LOG.debug("offer events' Redis subscriber attempt {} failed ({})", failedAttempts, String.valueOf(failure));
            }
            try {
                Thread.sleep(backoffMillis);
            } catch (InterruptedException e) {
                if (closed) {
                    break;
                }
            }
            backoffMillis = Math.min(backoffMillis * 2, timings.maxBackoff().toMillis());
        }
    }

    /** Forgets the connection's state; every wanted channel awaits confirmation again. */
    private boolean connectionLost(Bridge bridge) {
        lock.lock();
        try {
            boolean wasLive = live == bridge;
            live = null;
            unconfirmedSubscribes.clear();
            if (!closed) {
                listenersByChannel.keySet().forEach(channel ->
                        awaitingConfirmation.computeIfAbsent(channel, c -> new CompletableFuture<>()));
            }
            return wasLive;
        } finally {
            lock.unlock();
        }
    }

    /**
     * A subscriber connection only reads, so a silently dead peer (a dropped NAT entry, a
     * failed-over host) would go unnoticed for ever. A heartbeat published on the control
     * channel must come back through the subscriber connection; three silent intervals
     * close it, and the subscriber reconnects. Publishing through the pool rather than
     * writing on the subscriber connection needs no lock, which a writer stuck on a dead
     * socket may be holding.
     */
    private void checkConnection() {
        Connection current = connection;
        if (current == null) {
            return;
        }
        long silentNanos = System.nanoTime() - lastHeardNanos;
        if (silentNanos > 3 * timings.heartbeatInterval().toNanos()) {
            LOG.warn("offer events' Redis subscriber silent for {} ms; reconnecting", TimeUnit.NANOSECONDS.toMillis(silentNanos));
            current.disconnect();
            return;
        }
        try {
            redis.call(client -> client.publish(controlChannel, "heartbeat"));
        } catch (RuntimeException e) {
            // Silence will tell; the next ticks disconnect if Redis stays away.
            LOG.debug("offer events' heartbeat not published", e);
        }
    }

    /** Heartbeats that came back through the subscriber connection. */
    long heartbeatsHeard() {
        return heartbeatsHeard.get();
    }

    /** Receives for one connection; Jedis calls it on the subscriber thread. */
    private final class Bridge extends JedisPubSub {

        @Override
        public void onSubscribe(String channel, int subscribedChannels) {
            lastHeardNanos = System.nanoTime();
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                if (channel.equals(controlChannel)) {
                    live = this;
                    LOG.info("offer events subscribed to Redis at {} for {} offers", redis.address(), listenersByChannel.size());
                    sendSubscribe(this, new ArrayList<>(listenersByChannel.keySet()));
                    return;
                }
                int unconfirmed = unconfirmedSubscribes.merge(channel, -1, Integer::sum);
                if (unconfirmed > 0) {
                    // A later SUBSCRIBE of this channel (after an UNSUBSCRIBE) is still in flight.
                    return;
                }
                unconfirmedSubscribes.remove(channel);
                if (listenersByChannel.containsKey(channel)) {
                    CompletableFuture<Void> confirmed = awaitingConfirmation.remove(channel);
                    if (confirmed != null) {
                        confirmed.complete(null);
                    }
                }
            } finally {
                lock.unlock();
            }
        }

        @Override
        public void onUnsubscribe(String channel, int subscribedChannels) {
            lastHeardNanos = System.nanoTime();
        }

        @Override
        public void onMessage(String channel, String message) {
            lastHeardNanos = System.nanoTime();
            if (channel.equals(controlChannel)) {
                heartbeatsHeard.incrementAndGet();
                return;
            }
            if (!channel.startsWith(channelPrefix)) {
                return;
            }
            OfferEvent event;
            try {
                event = reader.readValue(message);
            } catch (JsonProcessingException | RuntimeException e) {
                // One bad message (another version of the app, a hand-typed PUBLISH) must not stop the stream.
                LOG.warn("dropped an unreadable offer event on {}: {}", channel, e.getMessage());
                return;
            }
            // Hands off to per-listener queues; never blocks this thread on a listener.
            local.publish(event);
        }
    }

    private final class RedisSubscription implements Subscription {

        private final String channel;
        private final Subscription local;
        private boolean closed;

        RedisSubscription(String channel, Subscription local) {
            this.channel = channel;
            this.local = local;
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            local.close();
            release(channel);
        }
    }
}
