package com.jakebuysit.adapters.out.local;

import com.jakebuysit.application.port.JakeVoice;
import com.jakebuysit.application.port.ProviderFailure;
import com.jakebuysit.domain.jake.ScriptPlan;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jake without a voice service: the script from {@link ScriptTemplates}, and audio from espeak-ng
 * when its binary is configured and present ({@code espeak-ng -v en-us -s 150 -w <tmp.wav> --stdin},
 * the script on stdin so it is never read as an option), else no audio (tier-1 text).
 *
 * <p>Also the natural tier-1 fallback for the HTTP voice: with no engine it only writes text.
 */
public final class LocalJakeVoice implements JakeVoice {

    public static final Duration DEFAULT_SPEECH_TIMEOUT = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(LocalJakeVoice.class);
    private static final int MAX_ITEM_NAME = 120;

    private final ScriptTemplates templates;
    private final Optional<Path> espeak;
    private final Duration speechTimeout;

    /** @param espeakPath the espeak-ng binary (a path, or a name looked up on PATH); blank for none */
    public LocalJakeVoice(String espeakPath) {
        this(ScriptTemplates.shipped(), espeakPath, DEFAULT_SPEECH_TIMEOUT);
    }

    public LocalJakeVoice(ScriptTemplates templates, String espeakPath, Duration speechTimeout) {
        this.templates = Objects.requireNonNull(templates, "templates");
        this.speechTimeout = Objects.requireNonNull(speechTimeout, "speechTimeout");
        this.espeak = locate(espeakPath == null ? "" : espeakPath.strip());
    }

    /** True when this voice can speak (espeak-ng configured and found). */
    public boolean hasSpeechEngine() {
        return espeak.isPresent();
    }

    @Override
    public String script(ScriptRequest request) {
        String item = itemName(request.itemName());
        return templates.compose(request.offerId(), request.plan(), item, request.offerAmount().format(),
                request.fmv().map(fmv -> fmv.format()));
    }

    @Override
    public Optional<Audio> speak(String script, ScriptPlan plan) {
        if (espeak.isEmpty() || !plan.voiced()) {
            return Optional.empty();
        }
        Path wav = null;
        try {
            wav = Files.createTempFile("jake-", ".wav");
            Process process = new ProcessBuilder(List.of(espeak.get().toString(), "-v", "en-us", "-s", "150",
                    "-b", "1", "-w", wav.toString(), "--stdin"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(script.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(speechTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new ProviderFailure("espeak-ng", true, "no speech within " + speechTimeout.toMillis() + " ms", null);
            }
            if (process.exitValue() != 0) {
                throw new ProviderFailure("espeak-ng", false, "exited with " + process.exitValue(), null);
            }
            byte[] audio = Files.readAllBytes(wav);
            if (audio.length < 44) {
                throw new ProviderFailure("espeak-ng", false, "wrote no audio", null);
            }
            return Optional.of(new Audio(audio, "audio/wav"));
        } catch (IOException e) {
            throw new ProviderFailure("espeak-ng", true, "cannot run " + espeak.get() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderFailure("espeak-ng", true, "interrupted", e);
        } finally {
            if (wav != null) {
                try {
                    Files.deleteIfExists(wav);
                } catch (IOException e) {
                    LOG.warn("cannot delete {}", wav, e);
                }
            }
        }
    }

    /** One line, no control characters, a sensible length: it is read aloud. */
    private static String itemName(String name) {
        String clean = name == null ? "" : name.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (clean.isEmpty()) {
            return "item";
        }
        return clean.length() > MAX_ITEM_NAME ? clean.substring(0, MAX_ITEM_NAME).strip() : clean;
    }

    private static Optional<Path> locate(String configured) {
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> found;
        if (configured.contains(File.separator)) {
            Path path = Path.of(configured);
            found = Files.isRegularFile(path) && Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        } else {
            found = onPath(configured);
        }
        if (found.isEmpty()) {
            LOG.warn("espeak-ng '{}' is configured but not found: Jake will be text only", configured);
        }
        return found;
    }

    private static Optional<Path> onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
