package com.jakebuysit.application.users;

import com.jakebuysit.application.port.Page;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.account.User;
import java.util.Objects;
import java.util.Optional;

/** An admin looks accounts up by email or name, newest first. */
public final class SearchAccounts {

    public static final int QUERY_MAX = 200;

    private final Transactor transactor;
    private final Users users;

    public SearchAccounts(Transactor transactor, Users users) {
        this.transactor = transactor;
        this.users = users;
    }

    /** @param text part of an email or name; blank = every account */
    public record Query(String text, Optional<String> cursor, Integer limit) {
        public Query {
            text = text == null ? "" : text.strip();
            if (text.length() > QUERY_MAX) {
                throw new IllegalArgumentException("query must be at most " + QUERY_MAX + " characters");
            }
            Objects.requireNonNull(cursor, "cursor");
        }
    }

    /** @throws com.jakebuysit.application.port.InvalidCursor when the cursor is not one we made */
    public Page<User> execute(Query query) {
        return transactor.inTransaction(() -> users.search(query.text(), query.cursor(), Page.limit(query.limit())));
    }
}
