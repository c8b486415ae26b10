package com.jakebuysit.adapters.out.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.application.port.Mailer;
import com.jakebuysit.domain.Email;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The laptop mailer writes one readable .eml file per message, only for its owner's eyes. */
class LocalFileMailerTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path root;

    @Test
    void writes_each_message_as_an_eml_file_with_its_headers() throws IOException {
        Path directory = root.resolve("var/mail");
        LocalFileMailer mailer = new LocalFileMailer(directory, "JakeBuysIt <no-reply@jakebuysit.local>", CLOCK);

        mailer.send(new Mailer.Message(Email.of("ann@example.com"), "Reset your password",
                "Open https://app.example/reset-password?token=abc\nThanks"));
        mailer.send(new Mailer.Message(Email.of("bob@example.com"), "Second", "Body"));

        List<Path> files = files(directory);
        assertThat(files).hasSize(2).allSatisfy(file -> assertThat(file.getFileName().toString()).endsWith(".eml"));
        String first = files.stream().map(LocalFileMailerTest::read).filter(text -> text.contains("ann@example.com"))
                .findFirst().orElseThrow();
        assertThat(first)
                .contains("To: ann@example.com\r\n")
                .contains("From: JakeBuysIt <no-reply@jakebuysit.local>\r\n")
                .contains("Subject: Reset your password\r\n")
                .contains("Date: Sun, 1 Jun 2025 12:00:00 GMT\r\n")
                .contains("Content-Type: text/plain; charset=UTF-8\r\n")
                .contains("\r\n\r\nOpen https://app.example/reset-password?token=abc\r\nThanks");
    }

    @Test
    void a_subject_cannot_add_headers() throws IOException {
        LocalFileMailer mailer = new LocalFileMailer(root, "from@example.com", CLOCK);

        mailer.send(new Mailer.Message(Email.of("ann@example.com"), "Hi\r\nBcc: evil@example.com", "Body"));

        String text = read(files(root).get(0));
        assertThat(text).doesNotContain("\r\nBcc:").contains("Subject: Hi Bcc: evil@example.com\r\n");
    }

    @Test
    void only_the_owner_can_read_a_message() throws IOException {
        LocalFileMailer mailer = new LocalFileMailer(root, "from@example.com", CLOCK);

        mailer.send(new Mailer.Message(Email.of("ann@example.com"), "Secret link", "token"));

        Path file = files(root).get(0);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(Files.getPosixFilePermissions(file))
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        assertThat(files(root)).hasSize(1);
    }

    private static List<Path> files(Path directory) throws IOException {
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(path -> !path.getFileName().toString().startsWith(".")).sorted().toList();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
