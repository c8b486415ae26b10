package com.jakebuysit.application.users;

import com.jakebuysit.application.port.AuditLog;
import com.jakebuysit.application.port.Transactor;
import com.jakebuysit.application.port.Users;
import com.jakebuysit.domain.Text;
import com.jakebuysit.domain.UserId;
import com.jakebuysit.domain.account.PhoneNumber;
import com.jakebuysit.domain.account.User;
import java.util.Objects;
import java.util.Optional;

/** A person changes their own name or phone; what they leave out stays as it is. */
public final class UpdateProfile {

    private final Transactor transactor;
    private final Users users;
    private final AuditLog auditLog;

    public UpdateProfile(Transactor transactor, Users users, AuditLog auditLog) {
        this.transactor = transactor;
        this.users = users;
        this.auditLog = auditLog;
    }

    /**
     * @param name the new name (1 to {@link User#NAME_MAX} characters), empty = unchanged
     * @param phone the new phone, empty = unchanged unless {@code removePhone}
     * @param removePhone forget the phone number
     */
    public record Command(UserId userId, Optional<String> name, Optional<PhoneNumber> phone, boolean removePhone,
                          AuditLog.Actor actor) {
        public Command {
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(actor, "actor");
            name = Objects.requireNonNull(name, "name").map(n -> Text.required(n, "name", User.NAME_MAX));
            Objects.requireNonNull(phone, "phone");
            if (removePhone && phone.isPresent()) {
                throw new IllegalArgumentException("a phone cannot be both set and removed");
            }
        }
    }

    /** The account after the change; empty when it no longer exists. */
    public Optional<User> execute(Command command) {
        return transactor.inTransaction(() -> users.lockById(command.userId()).map(before -> {
            Optional<String> phone = command.removePhone() ? Optional.empty()
                    : command.phone().map(PhoneNumber::value).or(before::phone);
            User after = before.withProfile(command.name().orElse(before.name()), phone);
            AccountSnapshot.Diff diff = AccountSnapshot.diff(before, after);
            if (diff.isEmpty()) {
                return before;
            }
            User saved = users.update(after);
            auditLog.record(new AuditLog.AuditEntry("user", before.id().toString(), "profile_updated",
                    command.actor(), diff.before(), diff.after()));
            return saved;
        }));
    }
}
