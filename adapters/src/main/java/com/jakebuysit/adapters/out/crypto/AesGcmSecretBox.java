package com.jakebuysit.adapters.out.crypto;

import com.jakebuysit.application.port.SecretBox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM under named keys. A sealed value is {@code [format 1][96-bit random IV][ciphertext +
 * 128-bit tag]}, stored beside its key id. The associated data binds the format, the key id and the
 * caller's context (the owning record), so a value moved to another record, relabelled with another
 * key id or altered in any byte does not open. Every configured key opens; only the active one seals.
 */
public final class AesGcmSecretBox implements SecretBox {

    public static final int KEY_BYTES = 32;
    public static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static final byte FORMAT = 1;
    static final int IV_BYTES = 12;
    static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final Map<String, SecretKey> keys;
    private final String activeKeyId;
    private final SecureRandom random = new SecureRandom();

    /** @param keys every key that may still open data, by id; {@code activeKeyId} must be among them */
    public AesGcmSecretBox(Map<String, byte[]> keys, String activeKeyId) {
        Objects.requireNonNull(keys, "keys");
        Map<String, SecretKey> checked = new LinkedHashMap<>();
        keys.forEach((id, key) -> {
            if (id == null || !KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("a key id is 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (key == null || key.length != KEY_BYTES) {
                throw new IllegalArgumentException("key '" + id + "' must be " + KEY_BYTES + " bytes (AES-256)");
            }
            checked.put(id, new SecretKeySpec(key, "AES"));
        });
        if (activeKeyId == null || !checked.containsKey(activeKeyId)) {
            throw new IllegalArgumentException("the active key id '" + activeKeyId + "' is not among the keys "
                    + checked.keySet());
        }
        this.keys = Map.copyOf(checked);
        this.activeKeyId = activeKeyId;
    }

    @Override
    public Sealed seal(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        Objects.requireNonNull(context, "context");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(activeKeyId, context));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Sealed(ByteBuffer.allocate(1 + IV_BYTES + body.length).put(FORMAT).put(iv).put(body).array(),
                    activeKeyId);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    @Override
    public String open(Sealed sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        Objects.requireNonNull(context, "context");
        SecretKey key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no configured key has id '" + sealed.keyId() + "'");
        }
        byte[] data = sealed.ciphertext();
        if (data.length < 1 + IV_BYTES + TAG_BITS / 8 || data[0] != FORMAT) {
            throw new IllegalStateException("not a sealed value of a known format");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, data, 1, IV_BYTES));
            cipher.updateAAD(associatedData(sealed.keyId(), context));
            byte[] plain = cipher.doFinal(data, 1 + IV_BYTES, data.length - 1 - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException("sealed value does not open: altered, or sealed for another record");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealed value does not open", e);
        }
    }

    @Override
    public String activeKeyId() {
        return activeKeyId;
    }

    /** The ids of every key that can open data. */
    public Set<String> keyIds() {
        return keys.keySet();
    }

    private static byte[] associatedData(String keyId, String context) {
        return ("jakebuysit-secretbox|" + FORMAT + "|" + keyId + "|" + context).getBytes(StandardCharsets.UTF_8);
    }
}
