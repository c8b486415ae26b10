package com.jakebuysit.adapters.in.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Providers;
import java.util.Optional;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * The application's own exception mappers, as Jersey picks them (the closest match by type), so
 * a kept idempotent response is exactly what the mapper would have sent. Registered with Jersey
 * (as a listener that listens to nothing) only so that Jersey hands it its {@link Providers}.
 */
public final class MappedErrorResponses implements ApplicationEventListener, IdempotentRequests.ErrorResponses {

    @Context
    private Providers providers;

    @Override
    @SuppressWarnings("unchecked")
    public Optional<Response> render(RuntimeException exception) {
        Providers registered = providers;
        if (registered == null) {
            throw new IllegalStateException("not registered with Jersey: no exception mappers to render with");
        }
        if (exception instanceof WebApplicationException web && web.getResponse().getStatus() >= 500) {
            return Optional.empty();
        }
        ExceptionMapper<RuntimeException> mapper =
                registered.getExceptionMapper((Class<RuntimeException>) exception.getClass());
        ExceptionMapper<Throwable> catchAll = registered.getExceptionMapper(Throwable.class);
        if (mapper == null || (catchAll != null && mapper.getClass() == catchAll.getClass())) {
            // Unexpected: left to the catch-all mapper, which logs it once, on its way out.
            return Optional.empty();
        }
        return Optional.ofNullable(mapper.toResponse(exception));
    }

    @Override
    public void onEvent(ApplicationEvent event) {
        // Listens to nothing.
    }

    @Override
    public RequestEventListener onRequest(RequestEvent requestEvent) {
        return null;
    }
}
