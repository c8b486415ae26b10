package com.jakebuysit.adapters.out.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.jakebuysit.application.port.JakeVoice.Audio;
import com.jakebuysit.application.port.JakeVoice.ScriptRequest;
import com.jakebuysit.application.port.ProviderFailure;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.jake.ScriptPlan;
import com.jakebuysit.domain.jake.Tone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalJakeVoiceTest {

    static final LocalJakeVoice TEXT_ONLY = new LocalJakeVoice("");
    static final Money AMOUNT = Money.usd("1234.5");
    static final List<ScriptPlan> PLANS = IntStream.rangeClosed(1, 3).boxed()
            .flatMap(tier -> Stream.of(Tone.values()).map(tone -> new ScriptPlan(tier, tone))).toList();

    static ScriptRequest request(UUID offer, ScriptPlan plan) {
        return new ScriptRequest(offer, "Apple iPhone 13 Pro", AMOUNT, Optional.empty(), plan);
    }

    static UUID offer(int n) {
        return UUID.nameUUIDFromBytes(("offer-" + n).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void every_script_names_the_item_and_the_amount() {
        for (ScriptPlan plan : PLANS) {
            for (int n = 0; n < 50; n++) {
                String script = TEXT_ONLY.script(request(offer(n), plan));

                assertThat(script).as(plan.toString()).contains("Apple iPhone 13 Pro").contains("$1,234.50")
                        .doesNotContain("{").doesNotContain("}");
            }
        }
    }

    @Test
    void the_same_offer_always_gets_the_same_words() {
        UUID offer = UUID.randomUUID();
        for (ScriptPlan plan : PLANS) {
            assertThat(TEXT_ONLY.script(request(offer, plan))).isEqualTo(TEXT_ONLY.script(request(offer, plan)))
                    .isEqualTo(new LocalJakeVoice("").script(request(offer, plan)));
        }
    }

    @Test
    void different_offers_get_different_words() {
        for (ScriptPlan plan : PLANS) {
            Set<String> scripts = new HashSet<>();
            for (int n = 0; n < 50; n++) {
                scripts.add(TEXT_ONLY.script(request(offer(n), plan)));
            }
            assertThat(scripts).as(plan.toString()).hasSizeGreaterThanOrEqualTo(5);
        }
        assertThat(ScriptTemplates.shipped().combinations(new ScriptPlan(3, Tone.EASYGOING))).isGreaterThanOrEqualTo(216);
    }

    @Test
    void each_tone_has_its_own_words() {
        for (int tier = 1; tier <= 3; tier++) {
            Set<String> celebratory = scripts(tier, Tone.CELEBRATORY);
            Set<String> easygoing = scripts(tier, Tone.EASYGOING);
            Set<String> straight = scripts(tier, Tone.STRAIGHT_SHOOTER);

            assertThat(celebratory).doesNotContainAnyElementsOf(easygoing).doesNotContainAnyElementsOf(straight);
            assertThat(easygoing).doesNotContainAnyElementsOf(straight);
        }
    }

    @Test
    void tier_three_is_jakes_full_introduction_and_tier_one_a_short_line() {
        for (int n = 0; n < 50; n++) {
            for (Tone tone : Tone.values()) {
                String full = TEXT_ONLY.script(request(offer(n), new ScriptPlan(3, tone)));
                String text = TEXT_ONLY.script(request(offer(n), new ScriptPlan(1, tone)));

                assertThat(full).matches(".*\\b(I'm Jake|Name's Jake|Jake here|Jake's the name)\\b.*");
                assertThat(text.length()).isLessThan(full.length());
                assertThat(text.split("(?<=[.!?]) ").length).isLessThanOrEqualTo(3);
            }
        }
    }

    @Test
    void a_straight_shooter_may_quote_the_market_value_when_there_is_one() {
        Set<String> withFmv = new HashSet<>();
        for (int n = 0; n < 200; n++) {
            withFmv.add(TEXT_ONLY.script(new ScriptRequest(offer(n), "Lamp", Money.usd("5"), Optional.of(Money.usd("40")),
                    new ScriptPlan(3, Tone.STRAIGHT_SHOOTER))));
        }
        assertThat(withFmv).anyMatch(script -> script.contains("$40.00"));
        assertThat(withFmv).allMatch(script -> script.contains("$5.00") && !script.contains("{"));
    }

    @Test
    void an_item_name_is_kept_to_one_sensible_line() {
        String script = TEXT_ONLY.script(new ScriptRequest(offer(1), "Lamp\nwith\tshade " + "x".repeat(500), Money.usd("5"),
                Optional.empty(), new ScriptPlan(1, Tone.EASYGOING)));

        assertThat(script).doesNotContain("\n").doesNotContain("\t").contains("Lamp with shade").hasSizeLessThan(400);
    }

    @Test
    void without_a_speech_engine_there_is_no_audio() {
        LocalJakeVoice missing = new LocalJakeVoice("/nonexistent/espeak-ng");

        assertThat(TEXT_ONLY.hasSpeechEngine()).isFalse();
        assertThat(TEXT_ONLY.speak("Howdy, partner.", new ScriptPlan(3, Tone.CELEBRATORY))).isEmpty();
        assertThat(missing.hasSpeechEngine()).isFalse();
        assertThat(missing.speak("Howdy, partner.", new ScriptPlan(2, Tone.EASYGOING))).isEmpty();
    }

    @Test
    void espeak_speaks_jakes_script_as_a_wav() throws IOException {
        LocalJakeVoice voice = new LocalJakeVoice("espeak-ng");
        assumeTrue(voice.hasSpeechEngine(), "espeak-ng is not installed");
        String script = voice.script(request(offer(7), new ScriptPlan(2, Tone.CELEBRATORY)));
        long wavsBefore = tempWavs();

        Audio audio = voice.speak("-v is not an option here. " + script, new ScriptPlan(2, Tone.CELEBRATORY)).orElseThrow();

        assertThat(audio.contentType()).isEqualTo("audio/wav");
        assertThat(new String(audio.content(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
        assertThat(new String(audio.content(), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
        assertThat(audio.content().length).isGreaterThan(10_000);
        assertThat(tempWavs()).isEqualTo(wavsBefore);
    }

    @Test
    void tier_one_is_never_spoken() {
        LocalJakeVoice voice = new LocalJakeVoice("espeak-ng");

        assertThat(voice.speak("Howdy.", new ScriptPlan(1, Tone.EASYGOING))).isEmpty();
    }

    @Test
    void a_speech_engine_that_hangs_is_stopped(@TempDir Path dir) throws IOException {
        Path hanging = script(dir, "hang.sh", "#!/bin/sh\nexec sleep 30\n");
        LocalJakeVoice voice = new LocalJakeVoice(ScriptTemplates.shipped(), hanging.toString(), Duration.ofMillis(300));

        long started = System.nanoTime();
        assertThatThrownBy(() -> voice.speak("Howdy.", new ScriptPlan(2, Tone.EASYGOING)))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isTrue());
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void a_speech_engine_that_fails_is_a_failure(@TempDir Path dir) throws IOException {
        Path failing = script(dir, "fail.sh", "#!/bin/sh\ncat > /dev/null\nexit 3\n");
        LocalJakeVoice voice = new LocalJakeVoice(ScriptTemplates.shipped(), failing.toString(), Duration.ofSeconds(5));

        assertThatThrownBy(() -> voice.speak("Howdy.", new ScriptPlan(2, Tone.EASYGOING)))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                    assertThat(failure.retryable()).isFalse();
                    assertThat(failure).hasMessageContaining("exited with 3");
                });
    }

    @Test
    void templates_with_too_few_variants_are_refused() {
        String json = """
                {"tiers": {"1": {"celebratory": [["{item} {amount}"]], "easygoing": [["{item} {amount}"]],
                  "straight_shooter": [["{item} {amount}"]]}}}""";

        assertThatThrownBy(() -> ScriptTemplates.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Set<String> scripts(int tier, Tone tone) {
        Set<String> scripts = new HashSet<>();
        for (int n = 0; n < 300; n++) {
            scripts.add(TEXT_ONLY.script(request(offer(n), new ScriptPlan(tier, tone))));
        }
        return scripts;
    }

    private static Path script(Path dir, String name, String body) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, body);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private static long tempWavs() throws IOException {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(file -> file.getFileName().toString().matches("jake-.*\\.wav")).count();
        }
    }
}
