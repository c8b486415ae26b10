package com.jakebuysit.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain's own rules about itself, checked on its sources: nothing but the JDK and the
 * domain is imported, the wall clock is never read, and nothing does I/O.
 */
class DomainPurityTest {

    private static final Path MAIN = Path.of("src", "main", "java");

    private static final Map<String, String> FORBIDDEN = Map.ofEntries(
            Map.entry("Instant.now(", "time comes in as a Clock or an Instant"),
            Map.entry("Clock.system", "time comes in as a Clock or an Instant"),
            Map.entry("LocalDate.now(", "time comes in as a Clock or an Instant"),
            Map.entry("LocalDateTime.now(", "time comes in as a Clock or an Instant"),
            Map.entry("ZonedDateTime.now(", "time comes in as a Clock or an Instant"),
            Map.entry("OffsetDateTime.now(", "time comes in as a Clock or an Instant"),
            Map.entry("System.currentTimeMillis", "time comes in as a Clock or an Instant"),
            Map.entry("System.nanoTime", "time comes in as a Clock or an Instant"),
            Map.entry("new Date(", "time comes in as a Clock or an Instant"),
            Map.entry("Thread.sleep", "the domain never waits"),
            Map.entry("System.out", "the domain does not print"),
            Map.entry("System.getenv", "configuration comes in as BusinessRules"));

    private static List<Path> sources() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void importsOnlyTheJdkAndItself() {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            for (String line : lines(file)) {
                String trimmed = line.strip();
                if (!trimmed.startsWith("import ")) {
                    continue;
                }
                String imported = trimmed.replaceFirst("^import (static )?", "");
                boolean allowed = (imported.startsWith("java.") && !imported.startsWith("java.io.")
                        && !imported.startsWith("java.nio.") && !imported.startsWith("java.net.")
                        && !imported.startsWith("java.sql.")) || imported.startsWith("com.jakebuysit.domain.");
                if (!allowed) {
                    offenders.add(file + ": " + trimmed);
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void neverReadsTheWallClockNorDoesIo() {
        List<String> offenders = new ArrayList<>();
        for (Path file : sources()) {
            List<String> lines = lines(file);
            for (int i = 0; i < lines.size(); i++) {
                for (Map.Entry<String, String> rule : FORBIDDEN.entrySet()) {
                    if (lines.get(i).contains(rule.getKey())) {
                        offenders.add(file + ":" + (i + 1) + " uses " + rule.getKey() + " (" + rule.getValue() + ")");
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void theScanSeesTheSources() {
        assertThat(sources()).hasSizeGreaterThan(50)
                .anySatisfy(p -> assertThat(p.getFileName().toString()).isEqualTo("Offer.java"));
    }
}
