package com.jakebuysit.adapters.in.rest.auth;

import com.jakebuysit.adapters.in.rest.errors.ApiError;
import io.dropwizard.auth.UnauthorizedHandler;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A missing or bad bearer token: 401 in the API's error shape, with the challenge header. */
public final class JsonUnauthorizedHandler implements UnauthorizedHandler {

    @Override
    public Response buildResponse(String prefix, String realm) {
        return Response.fromResponse(ApiError.of(401, "UNAUTHORIZED", "A valid bearer token is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, prefix + " realm=\"" + realm + "\"")
                .build();
    }
}
