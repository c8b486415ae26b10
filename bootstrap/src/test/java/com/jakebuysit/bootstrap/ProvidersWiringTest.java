package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jakebuysit.adapters.out.http.HttpItemIdentifier;
import com.jakebuysit.adapters.out.http.HttpJakeVoice;
import com.jakebuysit.adapters.out.http.HttpMarketResearch;
import com.jakebuysit.adapters.out.local.LocalItemIdentifier;
import com.jakebuysit.adapters.out.local.LocalJakeVoice;
import com.jakebuysit.adapters.out.local.LocalMarketResearch;
import com.jakebuysit.bootstrap.config.ProvidersConfig;
import io.dropwizard.configuration.ConfigurationSourceProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.FileConfigurationSourceProvider;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ProvidersWiringTest {

    private static final ObjectMapper JSON = Jackson.newObjectMapper();

    static ProvidersConfig config(String json) throws Exception {
        return JSON.readValue(json, ProvidersConfig.class);
    }

    @Test
    void the_embedded_default_is_local_everywhere() throws Exception {
        ProvidersWiring.Providers providers = ProvidersWiring.build(shippedConfig(), Clock.systemUTC());

        assertThat(providers.identifier()).isInstanceOf(LocalItemIdentifier.class);
        assertThat(providers.research()).isInstanceOf(LocalMarketResearch.class);
        assertThat(providers.voice()).isInstanceOf(LocalJakeVoice.class);
        assertThat(providers.textOnlyVoice()).isInstanceOfSatisfying(LocalJakeVoice.class,
                voice -> assertThat(voice.hasSpeechEngine()).isFalse());
    }

    @Test
    void http_providers_go_to_their_urls() throws Exception {
        ProvidersConfig config = config("""
                {"ai": {"type": "http", "url": "http://ai.internal:8000"},
                 "voice": {"type": "http", "url": "https://voice.internal/v1/"}}""");

        assertThat(ProvidersWiring.itemIdentifier(config)).isInstanceOf(HttpItemIdentifier.class);
        assertThat(ProvidersWiring.marketResearch(config, Clock.systemUTC())).isInstanceOf(HttpMarketResearch.class);
        assertThat(ProvidersWiring.jakeVoice(config)).isInstanceOf(HttpJakeVoice.class);
    }

    @Test
    void http_without_a_url_is_a_configuration_error() throws Exception {
        ProvidersConfig noUrl = config("{\"ai\": {\"type\": \"http\", \"url\": \"\"}}");
        ProvidersConfig badUrl = config("{\"voice\": {\"type\": \"http\", \"url\": \"voice.internal\"}}");

        assertThatThrownBy(() -> ProvidersWiring.itemIdentifier(noUrl))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AI_SERVICE_URL");
        assertThatThrownBy(() -> ProvidersWiring.jakeVoice(badUrl))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("VOICE_SERVICE_URL");
    }

    @Test
    void the_local_voice_speaks_when_espeak_is_configured() throws Exception {
        ProvidersConfig config = config("{\"voice\": {\"type\": \"local\", \"espeakPath\": \"/nonexistent/espeak-ng\"}}");

        assertThat(config.getVoice().getEspeakPath()).isEqualTo("/nonexistent/espeak-ng");
        assertThat(ProvidersWiring.jakeVoice(config)).isInstanceOfSatisfying(LocalJakeVoice.class,
                voice -> assertThat(voice.hasSpeechEngine()).isFalse());
    }

    /** config.yml as the server reads it, with no environment set. */
    private static ProvidersConfig shippedConfig() throws Exception {
        ConfigurationSourceProvider source = new SubstitutingSourceProvider(new FileConfigurationSourceProvider(),
                new EnvironmentVariableSubstitutor(false));
        JakeBuysItConfiguration configuration = new YamlConfigurationFactory<>(JakeBuysItConfiguration.class,
                Validators.newValidator(), Jackson.newObjectMapper(), "dw").build(source, "config.yml");
        assertThat(configuration.getProviders().getVoice().getEspeakPath()).isIn("", System.getenv("ESPEAK_PATH"));
        return configuration.getProviders();
    }
}
