package com.jakebuysit.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.in.rest.offers.OfferEventView;
import com.jakebuysit.adapters.in.rest.offers.OfferStreamResource;
import com.jakebuysit.adapters.in.ws.OfferStreamWebSocket;
import com.jakebuysit.application.offers.FollowOffer;
import com.jakebuysit.application.offers.StreamCredentials;
import com.jakebuysit.application.offers.ViewOffer;
import com.jakebuysit.application.port.AccessTokens;
import com.jakebuysit.application.port.OfferEvents;
import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.port.Users;
import io.dropwizard.core.setup.Environment;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.eclipse.jetty.util.component.LifeCycle;
import org.glassfish.jersey.media.sse.SseFeature;

/**
 * {@code GET /api/v1/offers/{id}/stream}: the offer's live progress as Server-Sent Events (Jersey)
 * and as a WebSocket (Jetty's Jakarta WebSocket) at the same path, both built on one
 * {@link FollowOffer} use case and sending the same JSON messages.
 */
final class OfferStreamWiring {

    private OfferStreamWiring() {
    }

    static void register(Environment environment, ViewOffer view, OfferEvents events, PhotoStore store,
                         AccessTokens tokens, Users users, Clock clock) {
        Duration heartbeat = OfferStreamResource.DEFAULT_HEARTBEAT;
        FollowOffer follow = new FollowOffer(view, events, clock);
        StreamCredentials credentials = new StreamCredentials(tokens, users, clock);
        ObjectMapper json = environment.getObjectMapper();
        // Heartbeats of every open stream; each tick is a small write, or is skipped while an update is being sent.
        ScheduledExecutorService ticks = environment.lifecycle()
                .scheduledExecutorService("offer-stream-heartbeat-%d", true)
                .threads(2)
                .build();

        environment.jersey().register(SseFeature.class);
        OfferStreamResource eventStreams = new OfferStreamResource(follow, credentials, store, json, ticks, heartbeat);
        environment.jersey().register(eventStreams);
        // Before Jetty's graceful shutdown waits for open requests, which an event stream never finishes by itself.
        // (WebSocket connections are not requests in flight; Jetty closes them with 1001 when it stops.)
        environment.lifecycle().addEventListener(new LifeCycle.Listener() {
            @Override
            public void lifeCycleStopping(LifeCycle event) {
                eventStreams.endAll();
            }
        });

        Function<FollowOffer.Update, String> render = update -> {
            try {
                return json.writeValueAsString(OfferEventView.of(update, store));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot render an offer stream message", e);
            }
        };
        OfferStreamWebSocket.install(environment.getApplicationContext(), follow, credentials, render, json, ticks,
                heartbeat);
    }
}
