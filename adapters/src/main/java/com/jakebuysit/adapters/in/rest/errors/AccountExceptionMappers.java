package com.jakebuysit.adapters.in.rest.errors;

import com.jakebuysit.application.account.AccountRefusal;
import com.jakebuysit.application.account.InvalidAccountInput;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The refusals of the account use cases in the API's error shape; one table of statuses. */
public final class AccountExceptionMappers {

    private AccountExceptionMappers() {
    }

    /** The status of each refusal; the code on the wire is the reason's name, but for throttling. */
    static int status(AccountRefusal.Reason reason) {
        return switch (reason) {
            case EMAIL_TAKEN -> 409;
            case INVALID_CREDENTIALS, INVALID_TOKEN, TOKEN_EXPIRED, TOKEN_REUSED, TOKEN_REVOKED, INVALID_ID_TOKEN -> 401;
            case ACCOUNT_BANNED, EMAIL_NOT_VERIFIED -> 403;
            case LOGIN_THROTTLED -> 429;
            case INVALID_RESET_TOKEN -> 400;
        };
    }

    public static final class AccountRefusalMapper implements ExceptionMapper<AccountRefusal> {
        @Override
        public Response toResponse(AccountRefusal refusal) {
            int status = status(refusal.reason());
            String code = refusal.reason() == AccountRefusal.Reason.LOGIN_THROTTLED
                    ? "RATE_LIMITED" : refusal.reason().name();
            Response.ResponseBuilder response = Response.status(status)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store");
            Map<String, Object> details = Map.of();
            if (refusal.retryAfter().isPresent()) {
                long seconds = retryAfterSeconds(refusal.retryAfter().get());
                response.header("Retry-After", Long.toString(seconds));
                details = Map.of("retryAfterSeconds", seconds);
            }
            return response.entity(new ApiError(refusal.getMessage(), code, status, details)).build();
        }
    }

    public static final class InvalidAccountInputMapper implements ExceptionMapper<InvalidAccountInput> {
        @Override
        public Response toResponse(InvalidAccountInput invalid) {
            String message = invalid.field() + " " + invalid.getMessage();
            return new ApiError("Request failed validation", "VALIDATION_FAILED", 422,
                    Map.of("errors", List.of(message), "fields", Map.of(invalid.field(), invalid.getMessage())))
                    .toResponse();
        }
    }

    /** Whole seconds, rounded up, at least one: a client that waits that long is let in. */
    static long retryAfterSeconds(Duration retryAfter) {
        long millis = Math.max(1, retryAfter.toMillis());
        return (millis + 999) / 1000;
    }
}
