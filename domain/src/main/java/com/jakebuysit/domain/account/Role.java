package com.jakebuysit.domain.account;

import com.jakebuysit.domain.Coded;

/** What an account may do: sell (user), review escalations, run the warehouse, administer. */
public enum Role implements Coded {
    USER("user"),
    REVIEWER("reviewer"),
    WAREHOUSE("warehouse"),
    ADMIN("admin");

    private final String code;

    Role(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public boolean isStaff() {
        return this != USER;
    }

    public static Role fromCode(String code) {
        return Coded.fromCode(Role.class, code);
    }
}
