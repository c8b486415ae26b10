package com.jakebuysit.adapters.in.rest.offers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.in.rest.errors.ApiException;
import com.jakebuysit.application.offers.FollowOffer;
import com.jakebuysit.application.offers.OfferAccessDenied;
import com.jakebuysit.application.offers.OfferNotFound;
import com.jakebuysit.application.offers.StreamCredentials;
import com.jakebuysit.application.offers.Viewer;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.domain.OfferId;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/offers/{id}/stream} with {@code Accept: text/event-stream}: an offer's live
 * progress as Server-Sent Events (the WebSocket at the same path is {@code adapters.in.ws}).
 * Each event's data is one JSON message ({@link OfferEventView}); a comment every heartbeat keeps
 * proxies and the idle timeout from closing a quiet stream and finds clients that went away.
 *
 * <p>Credentials: a bearer access token, or the offer's stream token in {@code X-Stream-Token}, or
 * {@code ?token=} (a browser's EventSource cannot set headers; there it may also carry an access
 * token). Only the owner, staff and the stream-token holder may listen. Refusals (401 no
 * credentials, 403 not yours, 404 unknown offer) are plain JSON errors, before the stream starts.
 */
@Path("/api/v1/offers/{id}/stream")
public final class OfferStreamResource {

    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);
    public static final String TOKEN_PARAMETER = "token";

    private static final Logger LOG = LoggerFactory.getLogger(OfferStreamResource.class);
    /**
     * The reconnection delay the last event sets: a browser's EventSource reconnects whenever a stream
     * ends, even normally, and would otherwise hear the settled offer again every few seconds.
     * (Clients should close their EventSource on the last event; this covers those that do not.)
     */
    static final Duration AFTER_THE_END = Duration.ofHours(24);
    /** How long one write may take before the client counts as gone. */
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);

    private final FollowOffer follow;
    private final StreamCredentials credentials;
    private final PhotoStore store;
    private final ObjectMapper json;
    private final ScheduledExecutorService ticks;
    private final Duration heartbeat;
    /** Event streams open on this instance, so a stopping instance can end them. */
    private final Set<SseStream> open = ConcurrentHashMap.newKeySet();

    public OfferStreamResource(FollowOffer follow, StreamCredentials credentials, PhotoStore store, ObjectMapper json,
                               ScheduledExecutorService ticks, Duration heartbeat) {
        this.follow = Objects.requireNonNull(follow, "follow");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.store = Objects.requireNonNull(store, "store");
        this.json = Objects.requireNonNull(json, "json");
        this.ticks = Objects.requireNonNull(ticks, "ticks");
        this.heartbeat = Objects.requireNonNull(heartbeat, "heartbeat");
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("id") String id,
                       @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                       @HeaderParam(OffersResource.STREAM_TOKEN_HEADER) String streamToken,
                       @QueryParam(TOKEN_PARAMETER) String queryToken,
                       @Context SseEventSink eventSink,
                       @Context Sse sse) {
        OfferId offerId = OffersResource.offerId(id);
        Viewer viewer = credentials.viewer(bearer(authorization), firstGiven(streamToken, queryToken))
                .orElseThrow(() -> new ApiException(401, "UNAUTHORIZED",
                        "A bearer token or the offer's stream token is required", Map.of(),
                        Map.of(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"jakebuysit\"")));
        // Checked before subscribing, so a refused caller costs no subscription; follow() checks again.
        refusals(() -> follow.authorize(offerId, viewer));
        SseStream stream = new SseStream(eventSink, sse);
        refusals(() -> stream.following = follow.follow(offerId, viewer, stream));
        stream.keepAlive();
    }

    /**
     * Ends every open event stream: an instance that is stopping lets its clients go (a browser's
     * EventSource reconnects by itself, to another instance, and hears the offer as it stands)
     * rather than holding up the graceful shutdown with requests that never finish.
     */
    public void endAll() {
        for (SseStream stream : List.copyOf(open)) {
            FollowOffer.Following following = stream.following;
            if (following != null) {
                following.close();
            }
            stream.stop();
        }
    }

    /** 404 and 403 as API errors; nothing was sent yet, so they are plain JSON responses. */
    private static void refusals(Runnable call) {
        try {
            call.run();
        } catch (OfferNotFound e) {
            throw new ApiException(404, "NOT_FOUND", "No such offer");
        } catch (OfferAccessDenied e) {
            throw new ApiException(403, "FORBIDDEN", e.getMessage());
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            // The events bus could not subscribe (Redis down): the client may retry.
            LOG.warn("offer stream could not start", e);
            throw new ApiException(503, "SERVICE_UNAVAILABLE", "Live updates are unavailable right now; try again shortly");
        }
    }

    static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        if (value.length() > 7 && value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return Optional.of(value.substring(7).strip()).filter(token -> !token.isEmpty());
        }
        return Optional.empty();
    }

    private static Optional<String> firstGiven(String first, String second) {
        if (first != null && !first.isBlank()) {
            return Optional.of(first);
        }
        return Optional.ofNullable(second).filter(value -> !value.isBlank());
    }

    /** One client's event stream. */
    private final class SseStream implements FollowOffer.Sink {

        private final SseEventSink sink;
        private final Sse sse;
        private volatile FollowOffer.Following following;
        private volatile ScheduledFuture<?> heartbeatTask;
        private volatile boolean stopped;

        SseStream(SseEventSink sink, Sse sse) {
            this.sink = sink;
            this.sse = sse;
        }

        @Override
        public void send(FollowOffer.Update update) throws Exception {
            String data = json.writeValueAsString(OfferEventView.of(update, store));
            OutboundSseEvent.Builder event = sse.newEventBuilder().data(data);
            if (update.last()) {
                event.reconnectDelay(AFTER_THE_END.toMillis());
            }
            write(event.build());
            if (update.last()) {
                stop();
            }
        }

        @Override
        public void broken(Exception cause) {
            stop();
        }

        void keepAlive() {
            if (!following.isOpen()) {
                return;
            }
            open.add(this);
            long period = heartbeat.toMillis();
            heartbeatTask = ticks.scheduleAtFixedRate(this::tick, period, period, TimeUnit.MILLISECONDS);
            if (stopped) {
                // Ended while the task was being scheduled.
                heartbeatTask.cancel(false);
                open.remove(this);
            }
        }

        private void tick() {
            FollowOffer.Following current = following;
            if (current == null) {
                return;
            }
            if (!current.isOpen() || sink.isClosed()) {
                current.close();
                stop();
                return;
            }
            try {
                write(sse.newEventBuilder().comment("keep-alive").build());
            } catch (IOException e) {
                LOG.debug("offer stream client went away: {}", e.toString());
                current.close();
                stop();
                return;
            }
            current.checkSettled();
        }

        private void write(OutboundSseEvent event) throws IOException {
            if (sink.isClosed()) {
                throw new IOException("the client closed the stream");
            }
            try {
                sink.send(event).toCompletableFuture().get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                throw new IOException("could not write to the stream", e.getCause());
            } catch (TimeoutException e) {
                throw new IOException("writing to the stream timed out", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing to the stream", e);
            } catch (IllegalStateException e) {
                // The sink closed between the check and the send.
                throw new IOException("the client closed the stream", e);
            }
        }

        private void stop() {
            stopped = true;
            open.remove(this);
            ScheduledFuture<?> task = heartbeatTask;
            if (task != null) {
                task.cancel(false);
            }
            sink.close();
        }
    }
}
