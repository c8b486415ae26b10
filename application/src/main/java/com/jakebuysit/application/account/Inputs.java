package com.jakebuysit.application.account;

import com.jakebuysit.domain.Email;
import com.jakebuysit.domain.account.PhoneNumber;
import com.jakebuysit.domain.account.User;
import java.util.Optional;

/** Turns the raw fields of account commands into values, or says which field is wrong. */
final class Inputs {

    private Inputs() {
    }

    static Email email(String raw) {
        try {
            return Email.of(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidAccountInput("email", "not a valid email address");
        }
    }

    static void password(PasswordPolicy policy, String field, String password) {
        policy.problemWith(password).ifPresent(problem -> {
            throw new InvalidAccountInput(field, problem);
        });
    }

    static String name(String raw) {
        String name = raw == null ? "" : raw.strip();
        if (name.length() > User.NAME_MAX) {
            throw new InvalidAccountInput("name", "name must be at most " + User.NAME_MAX + " characters");
        }
        return name;
    }

    /** Blank is no phone; anything else must be an international number, kept in E.164 form. */
    static Optional<String> phone(Optional<String> raw) {
        Optional<String> phone = raw.map(String::strip).filter(p -> !p.isEmpty());
        try {
            return phone.map(p -> PhoneNumber.of(p).value());
        } catch (IllegalArgumentException e) {
            throw new InvalidAccountInput("phone", e.getMessage());
        }
    }
}
