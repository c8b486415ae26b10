package com.jakebuysit.application.offers;

/** A submission the API refuses as invalid input (422): photo count, missing description. */
public final class InvalidSubmission extends RuntimeException {

    private final String field;

    public InvalidSubmission(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
