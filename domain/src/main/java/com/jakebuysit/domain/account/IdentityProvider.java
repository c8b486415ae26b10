package com.jakebuysit.domain.account;

import com.jakebuysit.domain.Coded;

/** An outside identity an account can sign in with. */
public enum IdentityProvider implements Coded {
    GOOGLE("google"),
    APPLE("apple");

    private final String code;

    IdentityProvider(String code) {
        this.code = code;
    }

    @Override
    public String code() {
        return code;
    }

    public static IdentityProvider fromCode(String code) {
        return Coded.fromCode(IdentityProvider.class, code);
    }
}
