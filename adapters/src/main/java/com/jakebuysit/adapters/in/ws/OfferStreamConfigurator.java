package com.jakebuysit.adapters.in.ws;

import com.jakebuysit.application.offers.StreamCredentials;
import com.jakebuysit.application.offers.Viewer;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The offer stream's handshake: reads who is connecting from the bearer header, {@code X-Stream-Token}
 * or {@code ?token=} and hands the {@link Viewer} to the endpoint through the connection's own user
 * properties (Jetty copies them per upgrade). {@link OfferStreamHandshakeFilter} has already refused
 * unknown callers, unknown offers and other sellers' offers with an HTTP status before the upgrade;
 * the endpoint checks again when it opens and closes with a policy violation if that no longer holds.
 * Endpoints are built here, one per connection, with what they need.
 */
final class OfferStreamConfigurator extends ServerEndpointConfig.Configurator {

    static final String VIEWER = OfferStreamConfigurator.class.getName() + ".viewer";

    private final StreamCredentials credentials;
    private final Supplier<OfferStreamEndpoint> endpoints;

    OfferStreamConfigurator(StreamCredentials credentials, Supplier<OfferStreamEndpoint> endpoints) {
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        StreamCredentialsReader.viewer(credentials,
                        name -> StreamCredentialsReader.first(request.getHeaders(), name),
                        name -> {
                            List<String> values = request.getParameterMap() == null ? null
                                    : request.getParameterMap().get(name);
                            return values == null || values.isEmpty() ? null : values.get(0);
                        })
                .ifPresent(viewer -> config.getUserProperties().put(VIEWER, viewer));
    }

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (!endpointClass.isAssignableFrom(OfferStreamEndpoint.class)) {
            throw new InstantiationException("this configurator builds offer stream endpoints only, not " + endpointClass);
        }
        return endpointClass.cast(endpoints.get());
    }
}
