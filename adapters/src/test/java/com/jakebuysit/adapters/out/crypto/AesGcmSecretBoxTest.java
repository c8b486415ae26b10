package com.jakebuysit.adapters.out.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.SecretBox.Sealed;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmSecretBoxTest {

    private static final String SECRET = "{\"method\":\"stripe\",\"routingNumber\":\"011000015\",\"accountNumber\":\"0001234567\"}";
    private static final String CONTEXT = "users/6f1c2a0e-8b7d-4c3a-9e21-0a1b2c3d4e5f/payout_details";

    private final byte[] k1 = key();
    private final byte[] k2 = key();

    @Test
    void sealedDataOpensUnderItsKeyAndContext() {
        AesGcmSecretBox box = new AesGcmSecretBox(Map.of("k1", k1), "k1");
        Sealed sealed = box.seal(SECRET, CONTEXT);

        assertThat(sealed.keyId()).isEqualTo("k1");
        assertThat(box.open(sealed, CONTEXT)).isEqualTo(SECRET);
        assertThat(new String(sealed.ciphertext(), StandardCharsets.ISO_8859_1)).doesNotContain("0001234567")
                .doesNotContain("011000015").doesNotContain("stripe");
        // Format byte, 96-bit IV, the text, a 128-bit tag.
        assertThat(sealed.ciphertext()).hasSize(1 + 12 + SECRET.getBytes(StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void everySealingUsesAFreshIv() {
        AesGcmSecretBox box = new AesGcmSecretBox(Map.of("k1", k1), "k1");
        byte[] first = box.seal(SECRET, CONTEXT).ciphertext();
        byte[] second = box.seal(SECRET, CONTEXT).ciphertext();
        assertThat(Arrays.copyOfRange(first, 1, 13)).isNotEqualTo(Arrays.copyOfRange(second, 1, 13));
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void aChangedByteAnywhereIsRefused() {
        AesGcmSecretBox box = new AesGcmSecretBox(Map.of("k1", k1), "k1");
        byte[] good = box.seal(SECRET, CONTEXT).ciphertext();
        int ivByte = 5;
        int bodyByte = 1 + 12 + 3;
        int tagByte = good.length - 1;
        for (int position : new int[] {ivByte, bodyByte, tagByte}) {
            byte[] bad = good.clone();
            bad[position] ^= 0x01;
            assertThatThrownBy(() -> box.open(new Sealed(bad, "k1"), CONTEXT))
                    .as("byte %d flipped", position)
                    .isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> box.open(new Sealed(Arrays.copyOf(good, good.length - 1), "k1"), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open(new Sealed(new byte[5], "k1"), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
        byte[] otherFormat = good.clone();
        otherFormat[0] = 2;
        assertThatThrownBy(() -> box.open(new Sealed(otherFormat, "k1"), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dataSealedForOneRecordDoesNotOpenForAnother() {
        AesGcmSecretBox box = new AesGcmSecretBox(Map.of("k1", k1), "k1");
        Sealed sealed = box.seal(SECRET, CONTEXT);
        assertThatThrownBy(() -> box.open(sealed, "users/someone-else/payout_details"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anUnknownKeyIdIsRefused() {
        AesGcmSecretBox box = new AesGcmSecretBox(Map.of("k1", k1), "k1");
        Sealed sealed = box.seal(SECRET, CONTEXT);
        assertThatThrownBy(() -> box.open(new Sealed(sealed.ciphertext(), "k9"), CONTEXT))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("k9");
    }

    @Test
    void relabellingDataWithAnotherConfiguredKeyIsRefused() {
        AesGcmSecretBox box = new AesGcmSecretBox(keys("k1", k1, "k2", k2), "k1");
        Sealed sealed = box.seal(SECRET, CONTEXT);
        assertThatThrownBy(() -> box.open(new Sealed(sealed.ciphertext(), "k2"), CONTEXT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterRotationOldDataStillOpensAndNewDataIsSealedUnderTheNewKey() {
        Sealed old = new AesGcmSecretBox(Map.of("k1", k1), "k1").seal(SECRET, CONTEXT);

        AesGcmSecretBox rotated = new AesGcmSecretBox(keys("k1", k1, "k2", k2), "k2");
        Sealed fresh = rotated.seal(SECRET, CONTEXT);

        assertThat(rotated.activeKeyId()).isEqualTo("k2");
        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(rotated.open(old, CONTEXT)).isEqualTo(SECRET);
        assertThat(rotated.open(fresh, CONTEXT)).isEqualTo(SECRET);
        // Once the old key is retired, what it sealed no longer opens: re-seal before removing it.
        assertThatThrownBy(() -> new AesGcmSecretBox(Map.of("k2", k2), "k2").open(old, CONTEXT))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void keysMustBe256BitsAndTheActiveOneConfigured() {
        assertThatThrownBy(() -> new AesGcmSecretBox(Map.of("k1", new byte[16]), "k1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesGcmSecretBox(Map.of("k1", k1), "k2"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AesGcmSecretBox(Map.of("bad id", k1), "bad id"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, byte[]> keys(String id1, byte[] key1, String id2, byte[] key2) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        keys.put(id1, key1);
        keys.put(id2, key2);
        return keys;
    }

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
