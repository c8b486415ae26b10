package com.jakebuysit.application.offers;

/** Input the API refuses as invalid (422), naming the field: photo count, missing description, payout method. */
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
