package com.jakebuysit.adapters.in.rest.errors;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Malformed or mistyped JSON in a request body is the client's error (400); our own mapping bugs are not. */
@Provider
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    private static final Logger LOG = LoggerFactory.getLogger(JsonProcessingExceptionMapper.class);

    @Override
    public Response toResponse(JsonProcessingException exception) {
        if (exception instanceof InvalidDefinitionException) {
            LOG.error("cannot map JSON", exception);
            return ApiError.of(500, "INTERNAL_ERROR", "Internal server error").toResponse();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            details.put("field", mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()))
                    .collect(Collectors.joining(".")));
        }
        if (exception.getLocation() != null) {
            details.put("line", exception.getLocation().getLineNr());
            details.put("column", exception.getLocation().getColumnNr());
        }
        String message = exception instanceof JsonParseException
                ? "Malformed JSON in request body"
                : "Request body does not match the expected JSON shape";
        return new ApiError(message, "MALFORMED_JSON", 400, details).toResponse();
    }
}
