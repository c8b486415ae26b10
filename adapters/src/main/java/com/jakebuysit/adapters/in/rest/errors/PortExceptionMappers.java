package com.jakebuysit.adapters.in.rest.errors;

import com.jakebuysit.application.port.ConcurrentUpdate;
import com.jakebuysit.application.port.InvalidCursor;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** Refusals that come back through ports, in the API's error shape. */
public final class PortExceptionMappers {

    private PortExceptionMappers() {
    }

    /** Someone changed the row first: the client may re-read and retry. */
    public static final class ConcurrentUpdateMapper implements ExceptionMapper<ConcurrentUpdate> {
        @Override
        public Response toResponse(ConcurrentUpdate exception) {
            return ApiError.of(409, "CONCURRENT_UPDATE", "The resource was changed by someone else; read it again")
                    .toResponse();
        }
    }

    public static final class InvalidCursorMapper implements ExceptionMapper<InvalidCursor> {
        @Override
        public Response toResponse(InvalidCursor exception) {
            return ApiError.of(400, "INVALID_CURSOR", "The cursor is not one this API returned").toResponse();
        }
    }
}
