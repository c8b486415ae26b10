package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.out.jwt.JwtAccessTokens;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Secrets from the environment, or a clearly announced development stand-in when none is set. */
final class Keys {

    private static final Logger LOG = LoggerFactory.getLogger(Keys.class);

    private Keys() {
    }

    static byte[] jwtSecret(String configured) {
        if (configured == null || configured.isBlank()) {
            byte[] secret = new byte[JwtAccessTokens.MIN_SECRET_BYTES];
            new SecureRandom().nextBytes(secret);
            LOG.warn("JWT_SECRET is not set: signing access tokens with a development key made at start. "
                    + "Tokens will not survive a restart or work across instances; set JWT_SECRET in production.");
            return secret;
        }
        byte[] secret = configured.getBytes(StandardCharsets.UTF_8);
        if (secret.length < JwtAccessTokens.MIN_SECRET_BYTES) {
            throw new IllegalStateException("JWT_SECRET must be at least " + JwtAccessTokens.MIN_SECRET_BYTES + " bytes");
        }
        return secret;
    }
}
