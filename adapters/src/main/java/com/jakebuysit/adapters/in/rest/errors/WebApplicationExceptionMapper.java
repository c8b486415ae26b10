package com.jakebuysit.adapters.in.rest.errors;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Jersey's own refusals (404, 405, 415, 406, ...) in the API's error shape, headers kept. */
@Provider
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = LoggerFactory.getLogger(WebApplicationExceptionMapper.class);

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original.getStatus();
        String message;
        if (status >= 500) {
            LOG.error("request failed with {}", status, exception);
            message = "Internal server error";
        } else {
            message = exception.getMessage() == null ? reason(status) : exception.getMessage();
        }
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(ApiError.of(status, ApiError.defaultCode(status), message));
        // Keep what the client needs from the original answer, e.g. Allow on 405, Retry-After on 429.
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    private static String reason(int status) {
        Response.StatusType type = Response.Status.fromStatusCode(status);
        return type == null ? "Request failed" : type.getReasonPhrase();
    }
}
