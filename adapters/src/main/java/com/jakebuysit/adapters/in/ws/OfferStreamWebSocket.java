package com.jakebuysit.adapters.in.ws;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.offers.FollowOffer;
import com.jakebuysit.application.offers.StreamCredentials;
import jakarta.servlet.DispatcherType;
import jakarta.websocket.server.ServerEndpointConfig;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.FilterMapping;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;

/**
 * Puts the offer stream's WebSocket on the application context, at the same path as the SSE
 * resource: Jetty's upgrade filter takes WebSocket upgrades of that path, every other request goes
 * on to Jersey on {@code /*}. The handshake check goes in front of Jetty's upgrade filter.
 */
public final class OfferStreamWebSocket {

    public static final String PATH = "/api/v1/offers/{id}/stream";

    private OfferStreamWebSocket() {
    }

    /**
     * Call before the server starts.
     *
     * @param render one update as the JSON text of a message
     * @param ticks runs the heartbeats
     */
    public static void install(ServletContextHandler context, FollowOffer follow, StreamCredentials credentials,
                               Function<FollowOffer.Update, String> render, ObjectMapper json,
                               ScheduledExecutorService ticks, Duration heartbeat) {
        OfferStreamConfigurator configurator = new OfferStreamConfigurator(credentials,
                () -> new OfferStreamEndpoint(follow, render, ticks, heartbeat));
        JakartaWebSocketServletContainerInitializer.configure(context, (servletContext, container) -> {
            container.addEndpoint(ServerEndpointConfig.Builder.create(OfferStreamEndpoint.class, PATH)
                    .configurator(configurator)
                    .build());
            // The initializer has just put Jetty's upgrade filter first in the chain; the check goes before it.
            ServletHandler handler = ServletContextHandler.getServletContextHandler(servletContext).getServletHandler();
            FilterHolder holder = new FilterHolder(new OfferStreamHandshakeFilter(follow, credentials, json));
            holder.setName(OfferStreamHandshakeFilter.class.getName());
            holder.setAsyncSupported(true);
            FilterMapping mapping = new FilterMapping();
            mapping.setFilterName(holder.getName());
            mapping.setPathSpec("/api/v1/offers/*");
            mapping.setDispatcherTypes(EnumSet.of(DispatcherType.REQUEST));
            handler.prependFilter(holder);
            handler.prependFilterMapping(mapping);
        });
    }
}
