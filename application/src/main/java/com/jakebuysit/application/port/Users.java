package com.jakebuysit.application.port;

import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.IdentityProvider;
import com.jakebuysit.domain.account.User;
import java.util.Optional;

/** The accounts. */
public interface Users {

    Optional<User> byId(UserId id);

    /** Reads the account and locks it until the transaction ends (SELECT … FOR UPDATE). */
    Optional<User> lockById(UserId id);

    Optional<User> byEmail(Email email);

    Optional<User> byProviderSubject(IdentityProvider provider, String subject);

    /** @throws EmailTaken when another account has the email */
    void insert(User user);

    /**
     * Writes every field but the Jake Bucks balance and debt (the ledger owns those) and
     * bumps the version. @throws ConcurrentUpdate when the stored version is not {@code user.version()}
     */
    User update(User user);

    /** Accounts whose email or name contains {@code query} (all when blank), newest first. */
    Page<User> search(String query, Optional<String> cursor, int limit);

    /** Thrown by {@link #insert} when the email belongs to another account. */
    final class EmailTaken extends RuntimeException {
        public EmailTaken(Email email) {
            super("an account with this email already exists");
        }
    }
}
