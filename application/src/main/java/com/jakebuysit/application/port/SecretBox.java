package com.jakebuysit.application.port;

/**
 * Authenticated encryption of personal data at rest, under a key named by its id so keys can
 * rotate: new data is sealed under the active key, data sealed under an older key that is still
 * configured keeps opening. The {@code context} (e.g. the owning account) is bound into the
 * ciphertext, so a sealed value copied onto another record does not open there.
 */
public interface SecretBox {

    Sealed seal(String plaintext, String context);

    /** @throws IllegalStateException when the key is unknown, the context differs or the data was tampered with */
    String open(Sealed sealed, String context);

    /** The key new data is sealed under. */
    String activeKeyId();

    record Sealed(byte[] ciphertext, String keyId) {
        public Sealed {
            if (ciphertext == null || keyId == null || keyId.isBlank()) {
                throw new IllegalArgumentException("ciphertext and keyId are required");
            }
            ciphertext = ciphertext.clone();
        }

        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }
    }
}
