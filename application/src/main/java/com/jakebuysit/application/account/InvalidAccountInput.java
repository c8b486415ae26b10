package com.jakebuysit.application.account;

import java.util.Objects;

/** A field of an account command breaks a rule (bad email, weak password, name too long): 422. */
public final class InvalidAccountInput extends RuntimeException {

    private final String field;

    public InvalidAccountInput(String field, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.field = Objects.requireNonNull(field, "field");
    }

    public String field() {
        return field;
    }
}
