package com.jakebuysit.adapters.out.mail;

import com.jakebuysit.application.port.Mailer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mailer of a laptop install: each message becomes one {@code .eml} file (RFC 5322 headers,
 * plain-text UTF-8 body) in a directory, so a developer can open it and click the reset link.
 * Messages carry live secrets (reset links), so files are readable by their owner only.
 */
public final class LocalFileMailer implements Mailer {

    private static final Logger LOG = LoggerFactory.getLogger(LocalFileMailer.class);
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private final Path directory;
    private final String from;
    private final Clock clock;

    public LocalFileMailer(Path directory, String from, Clock clock) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.from = headerValue(Objects.requireNonNull(from, "from"));
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void send(Message message) {
        ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
        String id = UUID.randomUUID().toString();
        String eml = "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(now) + "\r\n"
                + "From: " + from + "\r\n"
                + "To: " + headerValue(message.to().value()) + "\r\n"
                + "Subject: " + headerValue(message.subject()) + "\r\n"
                + "Message-ID: <" + id + "@jakebuysit.local>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n"
                + "\r\n"
                + message.text().replace("\r\n", "\n").replace("\n", "\r\n");
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(FILE_TIME.format(now) + "-" + id.substring(0, 8) + ".eml");
            // Written aside and moved in, so whoever watches the directory never reads half a message.
            Path partial = directory.resolve("." + file.getFileName() + ".part");
            Files.writeString(partial, eml, StandardCharsets.UTF_8);
            if (POSIX) {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            LOG.info("mail \"{}\" written to {}", message.subject(), file.toAbsolutePath());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write mail to " + directory, e);
        }
    }

    public Path directory() {
        return directory;
    }

    /** A header value on one line: no CR/LF can start another header. */
    private static String headerValue(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }
}
