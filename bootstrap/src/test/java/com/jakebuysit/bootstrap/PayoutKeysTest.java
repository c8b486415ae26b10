package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jakebuysit.application.port.SecretBox;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PayoutKeysTest {

    private static final String K1 = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String K2 = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void readsEveryKeyAndTheActiveOne(@TempDir Path dir) {
        PayoutKeys keys = PayoutKeys.from("old:" + K1 + ", new:" + K2, "new", dir.resolve("unused.key"));
        assertThat(keys.keys()).containsOnlyKeys("old", "new");
        assertThat(keys.activeKeyId()).isEqualTo("new");
        assertThat(keys.secretBox().activeKeyId()).isEqualTo("new");
        assertThat(Files.exists(dir.resolve("unused.key"))).isFalse();
    }

    @Test
    void aSingleKeyIsActiveWithoutSayingSo(@TempDir Path dir) {
        assertThat(PayoutKeys.from("only:" + K1, "", dir.resolve("k")).activeKeyId()).isEqualTo("only");
    }

    @Test
    void malformedKeysStopTheStart(@TempDir Path dir) {
        Path file = dir.resolve("k");
        assertThatThrownBy(() -> PayoutKeys.from(K1, "", file)).hasMessageContaining("key id");
        assertThatThrownBy(() -> PayoutKeys.from("k1:not base64!", "k1", file)).hasMessageContaining("base64");
        assertThatThrownBy(() -> PayoutKeys.from("k1:" + Base64.getEncoder().encodeToString(new byte[16]), "k1", file))
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> PayoutKeys.from("k1:" + K1 + ",k1:" + K2, "k1", file)).hasMessageContaining("twice");
        assertThatThrownBy(() -> PayoutKeys.from("bad id:" + K1, "bad id", file)).hasMessageContaining("key id");
        assertThatThrownBy(() -> PayoutKeys.from(" , ", "", file)).hasMessageContaining("no key");
    }

    @Test
    void theActiveIdMustBeAmongTheKeys(@TempDir Path dir) {
        Path file = dir.resolve("k");
        assertThatThrownBy(() -> PayoutKeys.from("k1:" + K1, "k2", file)).hasMessageContaining("not among");
        assertThatThrownBy(() -> PayoutKeys.from("k1:" + K1 + ",k2:" + K2, "", file))
                .hasMessageContaining("PAYOUT_KEY_ID");
        assertThatThrownBy(() -> PayoutKeys.from("", "k1", file)).hasMessageContaining("PAYOUT_KEYS is empty");
    }

    @Test
    void withoutKeysADevelopmentKeyIsMadeOnceOwnerOnlyAndKept(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("var/keys/payout-dev.key");

        PayoutKeys first = PayoutKeys.from(null, null, file);
        SecretBox.Sealed sealed = first.secretBox().seal("secret", "ctx");
        PayoutKeys second = PayoutKeys.from("", "", file);

        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first.activeKeyId()).isEqualTo(PayoutKeys.DEVELOPMENT_KEY_ID);
        assertThat(second.secretBox().open(sealed, "ctx")).isEqualTo("secret");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aDamagedDevelopmentKeyStopsTheStart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("payout-dev.key");
        Files.writeString(file, "short\n");
        assertThatThrownBy(() -> PayoutKeys.from(null, null, file)).isInstanceOf(IllegalStateException.class);
    }
}
