package com.jakebuysit.adapters.in.ws;

import com.jakebuysit.application.offers.FollowOffer;
import com.jakebuysit.application.offers.OfferAccessDenied;
import com.jakebuysit.application.offers.OfferNotFound;
import com.jakebuysit.application.offers.Viewer;
import com.jakebuysit.domain.OfferId;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/offers/{id}/stream} as a WebSocket: one text message per update (the offer as it
 * stands first, then one per step, the last with the offer in its settled status), then a normal
 * close (1000). A ping every heartbeat keeps the connection alive through proxies. The client has
 * nothing to say; text it sends is ignored. One instance per connection.
 *
 * <p>Refusals normally happen at the handshake ({@link OfferStreamHandshakeFilter}: 401, 403, 404);
 * should the check fail only here, the connection closes with 1008 (policy violation) and a reason.
 * When live updates are unavailable (the events bus cannot subscribe) it closes with 1013 (try again later).
 */
public final class OfferStreamEndpoint extends Endpoint {

    private static final Logger LOG = LoggerFactory.getLogger(OfferStreamEndpoint.class);
    private static final byte[] PING = "jake".getBytes(StandardCharsets.US_ASCII);

    private final FollowOffer follow;
    private final Function<FollowOffer.Update, String> render;
    private final ScheduledExecutorService ticks;
    private final Duration heartbeat;
    private volatile SocketStream stream;

    /**
     * @param render one update as the JSON text of a message (the same message as the SSE stream's data)
     */
    public OfferStreamEndpoint(FollowOffer follow, Function<FollowOffer.Update, String> render,
                               ScheduledExecutorService ticks, Duration heartbeat) {
        this.follow = follow;
        this.render = render;
        this.ticks = ticks;
        this.heartbeat = heartbeat;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) ignored -> { });
        // Our pings are traffic, so a quiet offer never idles out; a vanished client does.
        session.setMaxIdleTimeout(heartbeat.multipliedBy(4).toMillis());
        if (!(config.getUserProperties().get(OfferStreamConfigurator.VIEWER) instanceof Viewer viewer)) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "a bearer token or the offer's stream token is required");
            return;
        }
        OfferId id;
        try {
            id = OfferId.of(session.getPathParameters().get("id"));
        } catch (RuntimeException e) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "no such offer");
            return;
        }
        SocketStream opened = new SocketStream(session);
        stream = opened;
        try {
            opened.following = follow.follow(id, viewer, opened);
        } catch (OfferNotFound e) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "no such offer");
            return;
        } catch (OfferAccessDenied e) {
            close(session, CloseReason.CloseCodes.VIOLATED_POLICY, "this offer belongs to another seller");
            return;
        } catch (RuntimeException e) {
            LOG.warn("offer stream could not start", e);
            close(session, CloseReason.CloseCodes.TRY_AGAIN_LATER, "live updates are unavailable right now");
            return;
        }
        opened.keepAlive();
    }

    @Override
    public void onClose(Session session, CloseReason closeReason) {
        SocketStream current = stream;
        if (current != null) {
            current.stop();
        }
    }

    @Override
    public void onError(Session session, Throwable failure) {
        LOG.debug("offer stream connection failed: {}", failure.toString());
        SocketStream current = stream;
        if (current != null) {
            current.stop();
        }
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        if (!session.isOpen()) {
            return;
        }
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | RuntimeException e) {
            LOG.debug("closing an offer stream failed: {}", e.toString());
        }
    }

    /** One connection's stream. */
    private final class SocketStream implements FollowOffer.Sink {

        private final Session session;
        /** A session takes one blocking send at a time: updates and pings take turns. */
        private final ReentrantLock sending = new ReentrantLock();
        private volatile FollowOffer.Following following;
        private volatile ScheduledFuture<?> heartbeatTask;
        private volatile boolean stopped;

        SocketStream(Session session) {
            this.session = session;
        }

        @Override
        public void send(FollowOffer.Update update) throws IOException {
            String text = render.apply(update);
            sending.lock();
            try {
                session.getBasicRemote().sendText(text);
            } finally {
                sending.unlock();
            }
            if (update.last()) {
                cancelHeartbeat();
                close(session, CloseReason.CloseCodes.NORMAL_CLOSURE, "offer " + update.status());
            }
        }

        @Override
        public void broken(Exception cause) {
            cancelHeartbeat();
            close(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "the stream was interrupted; reconnect");
        }

        void keepAlive() {
            if (!following.isOpen()) {
                return;
            }
            long period = heartbeat.toMillis();
            heartbeatTask = ticks.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
            if (stopped) {
                heartbeatTask.cancel(false);
            }
        }

        /** The client went (or the connection failed): stop listening. */
        void stop() {
            cancelHeartbeat();
            FollowOffer.Following current = following;
            if (current != null) {
                current.close();
            }
        }

        private void tick() {
            FollowOffer.Following current = following;
            if (current == null) {
                return;
            }
            if (!current.isOpen() || !session.isOpen()) {
                stop();
                return;
            }
            // An update being sent is traffic enough; skip this ping rather than wait behind it.
            if (sending.tryLock()) {
                try {
                    session.getBasicRemote().sendPing(ByteBuffer.wrap(PING));
                } catch (IOException | RuntimeException e) {
                    LOG.debug("offer stream ping failed: {}", e.toString());
                    stop();
                    close(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "ping failed");
                    return;
                } finally {
                    sending.unlock();
                }
            }
            current.checkSettled();
        }

        private void cancelHeartbeat() {
            stopped = true;
            ScheduledFuture<?> task = heartbeatTask;
            if (task != null) {
                task.cancel(false);
            }
        }
    }
}
