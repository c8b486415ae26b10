package com.jakebuysit.adapters.in.rest.errors;

import com.jakebuysit.domain.DomainException;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.core.Response;

/** A business rule said no to the current state of things: 409 with the rule's own code. */
@Provider
public final class DomainExceptionMapper implements ExceptionMapper<DomainException> {

    @Override
    public Response toResponse(DomainException exception) {
        return ApiError.of(409, exception.code(), exception.getMessage()).toResponse();
    }
}
