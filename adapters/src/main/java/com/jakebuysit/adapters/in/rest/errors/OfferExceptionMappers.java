package com.jakebuysit.adapters.in.rest.errors;

import com.jakebuysit.application.offers.InvalidSubmission;
import com.jakebuysit.application.offers.OfferAccessDenied;
import com.jakebuysit.application.offers.OfferNotFound;
import com.jakebuysit.application.port.PhotoInspector.PhotoRejected;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.Map;

/** The offer use cases' refusals in the API's error shape. */
public final class OfferExceptionMappers {

    private OfferExceptionMappers() {
    }

    public static final class InvalidSubmissionMapper implements ExceptionMapper<InvalidSubmission> {
        @Override
        public Response toResponse(InvalidSubmission e) {
            return new ApiError(e.getMessage(), "VALIDATION_FAILED", 422, Map.of("field", e.field())).toResponse();
        }
    }

    /** A photo that is not a JPEG/PNG/WebP we can decode is 415; one whose pixel count is too large, 413. */
    public static final class PhotoRejectedMapper implements ExceptionMapper<PhotoRejected> {
        @Override
        public Response toResponse(PhotoRejected e) {
            return switch (e.why()) {
                case TOO_MANY_PIXELS -> new ApiError(e.getMessage(), "PHOTO_TOO_LARGE", 413,
                        Map.of("field", "photos")).toResponse();
                case UNSUPPORTED_TYPE, UNDECODABLE -> new ApiError(e.getMessage(), "UNSUPPORTED_MEDIA_TYPE", 415,
                        Map.of("field", "photos", "accepted", java.util.List.of("image/jpeg", "image/png",
                                "image/webp"))).toResponse();
            };
        }
    }

    public static final class OfferNotFoundMapper implements ExceptionMapper<OfferNotFound> {
        @Override
        public Response toResponse(OfferNotFound e) {
            return ApiError.of(404, "NOT_FOUND", "No such offer").toResponse();
        }
    }

    public static final class OfferAccessDeniedMapper implements ExceptionMapper<OfferAccessDenied> {
        @Override
        public Response toResponse(OfferAccessDenied e) {
            return ApiError.of(403, "FORBIDDEN", e.getMessage()).toResponse();
        }
    }
}
