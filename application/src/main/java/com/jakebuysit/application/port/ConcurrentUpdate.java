package com.jakebuysit.application.port;

/** Someone else changed the row since it was read (optimistic lock lost); the caller may retry. */
public final class ConcurrentUpdate extends RuntimeException {

    public ConcurrentUpdate(String entity, String id) {
        super(entity + " " + id + " was changed by someone else");
    }
}
