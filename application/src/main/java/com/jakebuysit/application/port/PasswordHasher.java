package com.jakebuysit.application.port;

/** One-way password hashing with a work factor (bcrypt). */
public interface PasswordHasher {

    String hash(String password);

    boolean matches(String password, String hash);

    /**
     * A hash of no one's password, to compare against when the account does not exist, so a
     * failed login costs the same time either way.
     */
    String decoyHash();
}
