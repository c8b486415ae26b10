package com.jakebuysit.domain;

/**
 * Why a rule decided what it did: the rule's name (stable, for logs and filters) and a sentence a
 * reviewer or seller can read.
 */
public record Reason(String rule, String message) {

    public Reason {
        rule = Text.required(rule, "rule");
        message = Text.required(message, "message");
    }

    @Override
    public String toString() {
        return rule + ": " + message;
    }
}
