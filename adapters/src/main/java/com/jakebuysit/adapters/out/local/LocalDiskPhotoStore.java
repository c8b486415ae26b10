package com.jakebuysit.adapters.out.local;

import com.jakebuysit.application.port.PhotoStore;
import com.jakebuysit.application.port.SignedPhotoUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Photos as files under one directory, for the embedded default. Clients get links to this
 * service itself ({@code /api/v1/photos/{key}}) that carry an expiry and an HMAC of key and
 * expiry, so a link works only for its key and only until it expires.
 */
public final class LocalDiskPhotoStore implements PhotoStore, SignedPhotoUrls {

    public static final int MIN_SECRET_BYTES = 32;
    public static final Duration MAX_URL_TTL = Duration.ofDays(7);
    public static final String PATH = "/api/v1/photos/";

    /**
     * Letters, digits, {@code . _ -} in {@code /}-separated segments, none starting with a dot: no
     * {@code ..}, no absolute path, no backslash or NUL, and no name that can meet a sidecar or a
     * temporary file (both start with a dot).
     */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");
    private static final int MAX_KEY_LENGTH = 512;
    /** type/subtype with optional parameters, printable ASCII only: it goes back out as a header. */
    private static final Pattern CONTENT_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(;[\\x20-\\x7E]*)?");
    private static final String HMAC = "HmacSHA256";

    private final Path root;
    private final SecretKeySpec secret;
    private final String baseUrl;
    private final Clock clock;

    public LocalDiskPhotoStore(Path directory, byte[] urlSigningSecret, URI publicBaseUrl, Clock clock) {
        this.root = Objects.requireNonNull(directory, "directory").toAbsolutePath().normalize();
        Objects.requireNonNull(urlSigningSecret, "urlSigningSecret");
        if (urlSigningSecret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the photo URL signing secret must be at least " + MIN_SECRET_BYTES + " bytes");
        }
        this.secret = new SecretKeySpec(urlSigningSecret.clone(), HMAC);
        String base = Objects.requireNonNull(publicBaseUrl, "publicBaseUrl").toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void put(String key, byte[] content, String contentType) {
        Path file = fileOf(key);
        Objects.requireNonNull(content, "content");
        if (contentType == null || !CONTENT_TYPE.matcher(contentType.strip()).matches()) {
            throw new IllegalArgumentException("not a content type: " + contentType);
        }
        try {
            Files.createDirectories(file.getParent());
            // The type first, then the content: a reader never finds content without its type.
            writeAtomically(sidecarOf(file), contentType.strip().getBytes(StandardCharsets.US_ASCII));
            writeAtomically(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store photo " + key + " under " + root, e);
        }
    }

    @Override
    public Optional<StoredObject> get(String key) {
        Path file = fileOf(key);
        try {
            if (!Files.isRegularFile(file)) {
                return Optional.empty();
            }
            byte[] content = Files.readAllBytes(file);
            return Optional.of(new StoredObject(content, contentTypeOf(file)));
        } catch (NoSuchFileException e) {
            // Deleted between the check and the read.
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read photo " + key + " under " + root, e);
        }
    }

    /** {@code {publicBaseUrl}/api/v1/photos/{key}?expires={epochSeconds}&sig={base64url HMAC-SHA256(key|expires)}}. */
    @Override
    public URI url(String key, Duration ttl) {
        requireKey(key);
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_URL_TTL) > 0) {
            throw new IllegalArgumentException("a URL lifetime must be between 1 s and " + MAX_URL_TTL.toDays()
                    + " days, not " + ttl);
        }
        // Rounded up to the next whole second, so a link never dies before its ttl.
        Instant now = clock.instant();
        long expires = now.plus(ttl).getEpochSecond() + (now.getNano() == 0 ? 0 : 1);
        return URI.create(baseUrl + PATH + key + "?expires=" + expires + "&sig=" + sign(key, expires));
    }

    @Override
    public boolean verify(String key, long expires, String signature, Instant now) {
        if (key == null || signature == null || now == null || !validKey(key) || now.getEpochSecond() >= expires) {
            return false;
        }
        byte[] expected = sign(key, expires).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    @Override
    public void delete(String key) {
        Path file = fileOf(key);
        try {
            // The content first: once it is gone the key is missing, whatever happens to the sidecar.
            Files.deleteIfExists(file);
            Files.deleteIfExists(sidecarOf(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete photo " + key + " under " + root, e);
        }
    }

    public Path directory() {
        return root;
    }

    private String sign(String key, long expires) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            byte[] digest = mac.doFinal((key + "|" + expires).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    private Path fileOf(String key) {
        requireKey(key);
        Path file = root.resolve(key).normalize();
        // The pattern already keeps keys inside; this says so again should the pattern ever change.
        if (!file.startsWith(root) || file.equals(root)) {
            throw new IllegalArgumentException("photo key escapes the store: " + key);
        }
        return file;
    }

    private static Path sidecarOf(Path file) {
        return file.resolveSibling("." + file.getFileName() + ".meta");
    }

    private static String contentTypeOf(Path file) throws IOException {
        try {
            String stored = Files.readString(sidecarOf(file), StandardCharsets.US_ASCII).strip();
            return stored.isEmpty() ? "application/octet-stream" : stored;
        } catch (NoSuchFileException e) {
            return "application/octet-stream";
        }
    }

    /** Written aside and moved in: a reader sees the old bytes or the new ones, never half of them. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path partial = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        try {
            try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // On disk before the rename, so a crash cannot leave the key pointing at an empty file.
                channel.force(true);
            }
            try {
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static boolean validKey(String key) {
        return key.length() <= MAX_KEY_LENGTH && KEY.matcher(key).matches();
    }

    private static void requireKey(String key) {
        if (key == null || !validKey(key)) {
            throw new IllegalArgumentException("not a photo key (letters, digits, . _ - in /-separated segments,"
                    + " none starting with a dot, at most " + MAX_KEY_LENGTH + " characters)");
        }
    }
}
