package com.jakebuysit.adapters.out.redis;

/**
 * Redis could not be reached or answered too late. Unchecked so a port's signature stays
 * clean; callers that can degrade (serve without a cache, refuse a rate-limited call)
 * catch this one type instead of Jedis's exception tree.
 */
public final class RedisUnavailableException extends RuntimeException {

    public RedisUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
