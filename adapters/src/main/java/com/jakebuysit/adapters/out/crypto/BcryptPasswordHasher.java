package com.jakebuysit.adapters.out.crypto;

import at.favre.lib.crypto.bcrypt.BCrypt;
import com.jakebuysit.application.port.PasswordHasher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/** bcrypt at a configurable cost (at least 10), through at.favre.lib's bcrypt. */
public final class BcryptPasswordHasher implements PasswordHasher {

    public static final int MIN_COST = 10;

    private final int cost;
    private final String decoy;

    public BcryptPasswordHasher(int cost) {
        if (cost < MIN_COST || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost must be in " + MIN_COST + "..31");
        }
        this.cost = cost;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.decoy = hash(Base64.getEncoder().encodeToString(random));
    }

    @Override
    public String hash(String password) {
        // bcrypt reads at most 72 bytes; longer passwords are refused upstream by the password policy.
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    @Override
    public boolean matches(String password, String hash) {
        if (hash == null || hash.isEmpty()) {
            return false;
        }
        return BCrypt.verifyer().verify(password.getBytes(StandardCharsets.UTF_8),
                hash.getBytes(StandardCharsets.UTF_8)).verified;
    }

    @Override
    public String decoyHash() {
        return decoy;
    }
}
