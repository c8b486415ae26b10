package com.jakebuysit.adapters.in.rest.users;

import com.jakebuysit.adapters.in.rest.errors.ApiException;
import java.util.List;
import java.util.Map;

/** A request field that breaks a rule: 422 in the same shape bean validation answers with. */
final class Invalid {

    private Invalid() {
    }

    static ApiException field(String field, String message) {
        return new ApiException(422, "VALIDATION_FAILED", "Request failed validation",
                Map.of("errors", List.of(field + " " + message), "fields", Map.of(field, message)), Map.of());
    }

    static ApiException notFound(String what) {
        return new ApiException(404, "NOT_FOUND", what + " not found");
    }
}
