package com.jakebuysit.application.port;

/**
 * An outside provider (AI, pricing, voice) did not give an answer. {@code retryable} says whether
 * asking again may help (timeouts, 5xx, connection errors) or not (4xx, a malformed answer).
 */
public final class ProviderFailure extends RuntimeException {

    private final String provider;
    private final boolean retryable;

    public ProviderFailure(String provider, boolean retryable, String message, Throwable cause) {
        super(provider + ": " + message, cause);
        this.provider = provider;
        this.retryable = retryable;
    }

    public String provider() {
        return provider;
    }

    public boolean retryable() {
        return retryable;
    }
}
