package com.jakebuysit.bootstrap;

import com.jakebuysit.adapters.out.crypto.AesGcmSecretBox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys that seal payout details: {@code PAYOUT_KEYS} ({@code keyId:base64(32 bytes)}, comma
 * separated) and {@code PAYOUT_KEY_ID}, the one that seals new data. With neither set, a development
 * key kept in {@code var/keys/payout-dev.key} (made on first start, owner-only), announced in the log.
 * Anything malformed stops the start: better no service than details sealed under a key we lose.
 */
record PayoutKeys(Map<String, byte[]> keys, String activeKeyId) {

    static final Path DEVELOPMENT_KEY_FILE = Path.of("var", "keys", "payout-dev.key");
    static final String DEVELOPMENT_KEY_ID = "dev";

    private static final Logger LOG = LoggerFactory.getLogger(PayoutKeys.class);

    PayoutKeys {
        keys = Map.copyOf(keys);
    }

    static PayoutKeys from(String configuredKeys, String configuredActiveId, Path developmentKeyFile) {
        boolean noKeys = configuredKeys == null || configuredKeys.isBlank();
        boolean noActive = configuredActiveId == null || configuredActiveId.isBlank();
        if (noKeys) {
            if (!noActive) {
                throw new IllegalStateException("PAYOUT_KEY_ID is set but PAYOUT_KEYS is empty");
            }
            return development(developmentKeyFile);
        }
        Map<String, byte[]> keys = parse(configuredKeys);
        String active;
        if (noActive) {
            if (keys.size() != 1) {
                throw new IllegalStateException("PAYOUT_KEYS holds several keys: set PAYOUT_KEY_ID to the one that seals");
            }
            active = keys.keySet().iterator().next();
        } else {
            active = configuredActiveId.strip();
        }
        if (!keys.containsKey(active)) {
            throw new IllegalStateException("PAYOUT_KEY_ID '" + active + "' is not among PAYOUT_KEYS " + keys.keySet());
        }
        return new PayoutKeys(keys, active);
    }

    AesGcmSecretBox secretBox() {
        return new AesGcmSecretBox(keys, activeKeyId);
    }

    private static Map<String, byte[]> parse(String configured) {
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : configured.split(",")) {
            String pair = entry.strip();
            if (pair.isEmpty()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new IllegalStateException("PAYOUT_KEYS entries are keyId:base64(32 bytes); one has no key id");
            }
            String id = pair.substring(0, colon).strip();
            if (!AesGcmSecretBox.KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException("PAYOUT_KEYS key id '" + id + "' is not 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (keys.containsKey(id)) {
                throw new IllegalStateException("PAYOUT_KEYS names key '" + id + "' twice");
            }
            keys.put(id, decode(pair.substring(colon + 1).strip(), "PAYOUT_KEYS key '" + id + "'"));
        }
        if (keys.isEmpty()) {
            throw new IllegalStateException("PAYOUT_KEYS holds no key");
        }
        return keys;
    }

    // Never echo the key material itself in the message.
    private static byte[] decode(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not base64");
        }
        if (key.length != AesGcmSecretBox.KEY_BYTES) {
            throw new IllegalStateException(what + " must decode to " + AesGcmSecretBox.KEY_BYTES + " bytes, not "
                    + key.length);
        }
        return key;
    }

    private static PayoutKeys development(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            byte[] key = decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "the development payout key in " + file);
            LOG.warn("PAYOUT_KEYS is not set: sealing payout details with the DEVELOPMENT key in {}. "
                    + "Set PAYOUT_KEYS and PAYOUT_KEY_ID in production.", file.toAbsolutePath());
            return new PayoutKeys(Map.of(DEVELOPMENT_KEY_ID, key), DEVELOPMENT_KEY_ID);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the development payout key " + file, e);
        }
    }

    /** Writes a fresh key readable by the owner only; if another process made one meanwhile, keeps theirs. */
    private static void create(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        byte[] key = new byte[AesGcmSecretBox.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Path temp = Files.createTempFile(dir, ".payout-dev", ".tmp");
        try {
            setOwnerOnly(temp);
            Files.writeString(temp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // A hard link fails when the name exists: of two racing starts, exactly one key wins.
            Files.createLink(file, temp);
            LOG.warn("made a development payout key in {}", file.toAbsolutePath());
        } catch (FileAlreadyExistsException e) {
            // Someone else's is there; use it.
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void setOwnerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile directory is private already.
        }
    }
}
