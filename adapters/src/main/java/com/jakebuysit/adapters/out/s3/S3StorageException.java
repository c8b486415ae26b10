package com.jakebuysit.adapters.out.s3;

/**
 * The S3 (or S3-compatible) server refused or failed a call that is not a plain "no such key":
 * unreachable, 5xx, throttled, access denied, missing bucket. Unchecked so the port's signature
 * stays clean; {@link #retryable()} tells a job step whether trying again may help.
 */
public final class S3StorageException extends RuntimeException {

    private final boolean retryable;

    public S3StorageException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
