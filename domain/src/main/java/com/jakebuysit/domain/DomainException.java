package com.jakebuysit.domain;

import java.util.Objects;

/**
 * A business rule said no. Carries a stable machine code so the adapters can map it to the
 * API's error shape ({@code {"error", "code", "statusCode", "details"}}) without parsing messages.
 * Bad input to a value's constructor is an {@link IllegalArgumentException} instead.
 */
public class DomainException extends RuntimeException {

    private final String code;

    public DomainException(String code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    /** A machine code such as {@code ILLEGAL_TRANSITION} or {@code INSUFFICIENT_JAKE_BUCKS}. */
    public String code() {
        return code;
    }
}
