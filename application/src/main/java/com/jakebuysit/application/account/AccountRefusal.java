package com.jakebuysit.application.account;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An account use case said no. The reason is a stable machine code; the REST adapter maps each
 * one to its status (see {@code AccountRefusalMapper}). Messages never say more than the code.
 */
public final class AccountRefusal extends RuntimeException {

    public enum Reason {
        /** Another account has the email (409). */
        EMAIL_TAKEN,
        /** Wrong email or password, told apart from nothing (401). */
        INVALID_CREDENTIALS,
        /** The account is banned (403). */
        ACCOUNT_BANNED,
        /** Too many failed logins for the email (429 with Retry-After). */
        LOGIN_THROTTLED,
        /** A refresh token we never issued, or whose account is gone (401). */
        INVALID_TOKEN,
        /** A refresh token past its idle or absolute end (401). */
        TOKEN_EXPIRED,
        /** A refresh token that was already rotated: the family is now revoked (401). */
        TOKEN_REUSED,
        /** A refresh token revoked by logout, reuse detection, a ban or a password reset (401). */
        TOKEN_REVOKED,
        /** A password-reset token that is unknown, used or expired (400). */
        INVALID_RESET_TOKEN,
        /** A Google/Apple ID token that does not verify, or a provider that is not configured (401). */
        INVALID_ID_TOKEN,
        /** The provider does not vouch for the email, and no account is linked to the identity yet (403). */
        EMAIL_NOT_VERIFIED
    }

    private final Reason reason;
    private final Duration retryAfter;

    private AccountRefusal(Reason reason, String message, Duration retryAfter) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    public static AccountRefusal of(Reason reason, String message) {
        return new AccountRefusal(reason, message, null);
    }

    public static AccountRefusal throttled(Duration retryAfter) {
        return new AccountRefusal(Reason.LOGIN_THROTTLED, "Too many failed logins; try again later", retryAfter);
    }

    public Reason reason() {
        return reason;
    }

    /** How long until the caller may try again (throttling only). */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
