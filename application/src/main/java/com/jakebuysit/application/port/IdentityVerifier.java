package com.jakebuysit.application.port;

import com.jakebuysit.domain.account.IdentityProvider;
import java.util.Optional;

/** Checks an ID token from Google or Apple against the provider's published keys. */
public interface IdentityVerifier {

    /**
     * @param expectedNonce when given, the token's nonce claim must equal it
     * @throws InvalidIdentityToken when the signature, issuer, audience, expiry or nonce is wrong
     */
    VerifiedIdentity verify(IdentityProvider provider, String idToken, Optional<String> expectedNonce);

    record VerifiedIdentity(IdentityProvider provider, String subject, Optional<String> email,
                            boolean emailVerified, Optional<String> name) {
    }

    final class InvalidIdentityToken extends RuntimeException {
        public InvalidIdentityToken(String message) {
            super(message);
        }
    }
}
