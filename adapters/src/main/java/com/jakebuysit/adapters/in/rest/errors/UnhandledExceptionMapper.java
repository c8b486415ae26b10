package com.jakebuysit.adapters.in.rest.errors;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Anything unforeseen: 500, logged with the request id (via MDC), never a stack trace in the body. */
@Provider
public final class UnhandledExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnhandledExceptionMapper.class);

    @Override
    public Response toResponse(Throwable exception) {
        LOG.error("unhandled exception", exception);
        return ApiError.of(500, "INTERNAL_ERROR", "Internal server error").toResponse();
    }
}
