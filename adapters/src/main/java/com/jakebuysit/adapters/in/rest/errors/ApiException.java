package com.jakebuysit.adapters.in.rest.errors;

import java.util.Map;

/** A refusal decided at the edge (auth, input, limits) with its machine code and details. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String code;
    private final Map<String, Object> details;
    private final Map<String, String> headers;

    public ApiException(int status, String code, String message) {
        this(status, code, message, Map.of(), Map.of());
    }

    public ApiException(int status, String code, String message, Map<String, Object> details,
                        Map<String, String> headers) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
        this.headers = Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
