package com.jakebuysit.adapters.in.rest.errors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        Response.ResponseBuilder builder = Response.status(exception.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(exception.getMessage(), exception.code(), exception.status(), exception.details()));
        exception.headers().forEach(builder::header);
        return builder.build();
    }
}
