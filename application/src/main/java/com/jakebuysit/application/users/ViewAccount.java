package com.jakebuysit.application.users;

import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.User;
import java.util.Objects;
import java.util.Optional;

/** A person looks at their own account. */
public final class ViewAccount {

    private final Transactor transactor;
    private final Users users;

    public ViewAccount(Transactor transactor, Users users) {
        this.transactor = transactor;
        this.users = users;
    }

    public record Query(UserId userId) {
        public Query {
            Objects.requireNonNull(userId, "userId");
        }
    }

    /** The account; empty when it no longer exists. */
    public Optional<User> execute(Query query) {
        return transactor.inTransaction(() -> users.byId(query.userId()));
    }
}
