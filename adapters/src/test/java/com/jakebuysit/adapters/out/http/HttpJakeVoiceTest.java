package com.jakebuysit.adapters.out.http;

import static com.jakebuysit.adapters.out.http.StubProvider.answer;
import static com.jakebuysit.adapters.out.http.StubProvider.hang;
import static com.jakebuysit.adapters.out.http.StubProvider.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.application.port.JakeVoice.Audio;
import com.jakebuysit.application.port.JakeVoice.ScriptRequest;
import com.jakebuysit.application.port.ProviderFailure;
import com.jakebuysit.domain.Money;
import com.jakebuysit.domain.jake.ScriptPlan;
import com.jakebuysit.domain.jake.Tone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HttpJakeVoiceTest {

    static final String SCRIPT = "/generate-script";
    static final String VOICE = "/generate-voice";
    static final RetryPolicy FAST = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40));
    static final Duration SHORT = Duration.ofMillis(300);
    static final UUID OFFER = UUID.fromString("7a1c9e1e-3f7e-4a57-9d6c-0b1b1f0f7d11");
    static final ScriptPlan FULL = new ScriptPlan(3, Tone.CELEBRATORY);
    static final byte[] MP3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0, 1, 2, 3};
    static final byte[] WAV = "RIFF\0\0\0\0WAVEfmt and then some samples".getBytes(StandardCharsets.ISO_8859_1);

    StubProvider service;
    HttpJakeVoice voice;

    @BeforeEach
    void start() throws IOException {
        service = new StubProvider();
        voice = new HttpJakeVoice(service.base(), SHORT, FAST);
    }

    @AfterEach
    void stop() {
        service.close();
    }

    @Test
    void asks_for_a_script_with_the_offer_and_reads_it() throws IOException {
        service.on(SCRIPT, json(200, "{\"script\": \"Well howdy, partner! $1,234.50 for your iPhone.\"}"));

        String script = voice.script(new ScriptRequest(OFFER, "Apple iPhone 13 Pro", Money.usd("1234.5"),
                Optional.of(Money.usd("1900")), FULL));

        assertThat(script).isEqualTo("Well howdy, partner! $1,234.50 for your iPhone.");
        JsonNode sent = new ObjectMapper().readTree(service.bodies().get(0));
        assertThat(sent.toString()).isEqualTo("{\"offer_id\":\"" + OFFER + "\",\"item_name\":\"Apple iPhone 13 Pro\","
                + "\"offer_amount\":\"1234.50\",\"fmv\":\"1900.00\",\"tier\":3,\"tone\":\"celebratory\"}");
    }

    @Test
    void sends_a_null_fmv_when_there_is_none() throws IOException {
        service.on(SCRIPT, json(200, "{\"script\": \"Howdy.\"}"));

        voice.script(new ScriptRequest(OFFER, "Lamp", Money.usd("5"), Optional.empty(), new ScriptPlan(2, Tone.EASYGOING)));

        JsonNode sent = new ObjectMapper().readTree(service.bodies().get(0));
        assertThat(sent.get("fmv").isNull()).isTrue();
        assertThat(sent.get("tone").asText()).isEqualTo("easygoing");
    }

    @Test
    void a_blank_or_missing_script_is_malformed() {
        service.on(SCRIPT, json(200, "{\"script\": \"   \"}"), json(200, "{\"text\": \"hi\"}"));
        ScriptRequest request = new ScriptRequest(OFFER, "Lamp", Money.usd("5"), Optional.empty(), FULL);

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> voice.script(request))
                    .isInstanceOfSatisfying(ProviderFailure.class, failure -> {
                        assertThat(failure.retryable()).isFalse();
                        assertThat(failure.provider()).isEqualTo("voice-service");
                    });
        }
        assertThat(service.hits(SCRIPT)).isEqualTo(2);
    }

    @Test
    void script_retries_then_succeeds() {
        service.on(SCRIPT, json(500, "{}"), hang(Duration.ofSeconds(10)), json(200, "{\"script\": \"Howdy.\"}"));

        assertThat(voice.script(new ScriptRequest(OFFER, "Lamp", Money.usd("5"), Optional.empty(), FULL)))
                .isEqualTo("Howdy.");
        assertThat(service.hits(SCRIPT)).isEqualTo(3);
    }

    @Test
    void returns_the_audio_bytes_and_type() throws IOException {
        service.on(VOICE, answer(200, "audio/mpeg", MP3), answer(200, "audio/wav; rate=22050", WAV));

        Audio mpeg = voice.speak("Howdy, partner.", FULL).orElseThrow();
        Audio wav = voice.speak("Howdy, partner.", FULL).orElseThrow();

        assertThat(mpeg.content()).isEqualTo(MP3);
        assertThat(mpeg.contentType()).isEqualTo("audio/mpeg");
        assertThat(wav.content()).isEqualTo(WAV);
        assertThat(wav.contentType()).isEqualTo("audio/wav");
        JsonNode sent = new ObjectMapper().readTree(service.bodies().get(0));
        assertThat(sent.toString()).isEqualTo("{\"script\":\"Howdy, partner.\",\"tier\":3,\"tone\":\"celebratory\"}");
    }

    @Test
    void recognises_audio_sent_without_a_proper_type() {
        service.on(VOICE, answer(200, "application/octet-stream", WAV), answer(200, null, MP3));

        assertThat(voice.speak("Howdy.", FULL).orElseThrow().contentType()).isEqualTo("audio/wav");
        assertThat(voice.speak("Howdy.", FULL).orElseThrow().contentType()).isEqualTo("audio/mpeg");
    }

    @Test
    void json_or_nothing_instead_of_audio_is_malformed() {
        service.on(VOICE, json(200, "{\"audio_url\": \"https://cdn.example/x.mp3\"}"), answer(200, "audio/mpeg", new byte[0]));

        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> voice.speak("Howdy.", FULL))
                    .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isFalse());
        }
        assertThat(service.hits(VOICE)).isEqualTo(2);
    }

    @Test
    void a_hanging_voice_is_retried_then_fails_retryable() {
        service.on(VOICE, hang(Duration.ofSeconds(10)));

        assertThatThrownBy(() -> voice.speak("Howdy.", FULL))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isTrue());
        assertThat(service.hits(VOICE)).isEqualTo(3);
    }

    @Test
    void a_client_error_is_not_retried() {
        service.on(VOICE, json(422, "{\"error\": \"script too long\"}"));

        assertThatThrownBy(() -> voice.speak("Howdy.", FULL))
                .isInstanceOfSatisfying(ProviderFailure.class, failure -> assertThat(failure.retryable()).isFalse());
        assertThat(service.hits(VOICE)).isEqualTo(1);
    }

    @Test
    void tier_one_is_text_only_and_never_calls_the_service() {
        assertThat(voice.speak("Howdy.", new ScriptPlan(1, Tone.EASYGOING))).isEmpty();
        assertThat(service.hits(VOICE)).isZero();
    }
}
