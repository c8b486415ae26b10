package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

/**
 * Walks a seller through every flow that handles a secret (password, tokens, reset link, payout
 * details, stream token) and then reads everything the service logged, application log and
 * request log alike: none of those secrets may appear.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class NoSecretsInLogsTest {

    private static final TestDatabase DB = TestDatabase.create("nosecrets");
    private static final Path DIR = tempDirectory();
    private static final Path REQUEST_LOG = DIR.resolve("requests.log");

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "nosecrets", Map.of(
                    "logging.level", "INFO",
                    "mail.directory", DIR.resolve("mail").toString(),
                    "providers.photos.localDirectory", DIR.resolve("photos").toString(),
                    "server.requestLog.appenders[0].type", "file",
                    "server.requestLog.appenders[0].currentLogFilename", REQUEST_LOG.toString(),
                    "server.requestLog.appenders[0].archive", "false")));

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void noPasswordTokenResetLinkOrPayoutDetailReachesTheLogs() throws Exception {
        List<String> logged = captureApplicationLog();
        List<String> secrets = new ArrayList<>();
        HttpCalls http = new HttpCalls(APP.getLocalPort());
        String email = "careful-" + UUID.randomUUID() + "@example.com";
        String password = "quiet river " + UUID.randomUUID();
        secrets.add(password);

        JsonNode registered = HttpCalls.body(http.send("POST", "/api/v1/auth/register", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"name\":\"Careful\"}"));
        http.send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"wrong " + password + "\"}");
        secrets.add("wrong " + password);
        JsonNode session = HttpCalls.body(http.send("POST", "/api/v1/auth/login", null,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        String access = session.path("accessToken").asText();
        String refresh = session.path("refreshToken").asText();
        secrets.add(registered.path("accessToken").asText());
        secrets.add(registered.path("refreshToken").asText());
        secrets.add(access);
        secrets.add(refresh);

        JsonNode rotated = HttpCalls.body(http.send("POST", "/api/v1/auth/refresh", null,
                "{\"refreshToken\":\"" + refresh + "\"}"));
        secrets.add(rotated.path("refreshToken").asText());
        // Presenting the rotated token again: a refusal that revokes the family, and is logged somewhere.
        http.send("POST", "/api/v1/auth/refresh", null, "{\"refreshToken\":\"" + refresh + "\"}");

        String accountNumber = "000" + (100000000L + (long) (Math.random() * 800000000L));
        secrets.add(accountNumber);
        assertThat(http.send("PUT", "/api/v1/users/me/payout-method", access,
                "{\"method\":\"stripe\",\"details\":{\"routingNumber\":\"011000015\",\"accountNumber\":\""
                        + accountNumber + "\"}}").statusCode()).isEqualTo(200);

        http.send("POST", "/api/v1/auth/password-reset/request", null, "{\"email\":\"" + email + "\"}");
        String resetToken = resetTokenFromMail();
        secrets.add(resetToken);
        String newPassword = "new quiet river " + UUID.randomUUID();
        secrets.add(newPassword);
        assertThat(http.send("POST", "/api/v1/auth/password-reset/confirm", null,
                "{\"token\":\"" + resetToken + "\",\"newPassword\":\"" + newPassword + "\"}").statusCode())
                .isEqualTo(204);

        Multipart photos = new Multipart().field("description", "Apple iPhone 13 Pro 256GB")
                .file("photos", "a.jpg", "image/jpeg", TestImages.jpeg(77));
        JsonNode offer = HttpCalls.body(HTTP.send(HttpRequest.newBuilder(uri("/api/v1/offers"))
                .header("Content-Type", photos.contentType()).POST(photos.publisher()).build(),
                HttpResponse.BodyHandlers.ofString()));
        String streamToken = offer.path("streamToken").asText();
        secrets.add(streamToken);
        // Browsers pass the stream token in the query string; the request log must not keep it.
        HTTP.send(HttpRequest.newBuilder(uri("/api/v1/offers/" + offer.path("id").asText() + "?token=" + streamToken))
                .header("X-Stream-Token", streamToken).GET().build(), HttpResponse.BodyHandlers.ofString());

        for (int i = 0; i < secrets.size(); i++) {
            assertThat(secrets.get(i)).as("secret #%d was handed out", i).hasSizeGreaterThan(8);
        }
        String requestLog = Files.exists(REQUEST_LOG) ? Files.readString(REQUEST_LOG) : "";
        assertThat(requestLog).as("the request log was written").contains("/api/v1/auth/login");
        assertThat(logged).as("the application log was captured").isNotEmpty();
        String everything = String.join("\n", logged) + "\n" + requestLog;
        for (String secret : secrets) {
            assertThat(everything).as("a secret reached the logs").doesNotContain(secret);
        }
    }

    /** Every event of every logger from now on, as it would be written (message, MDC, stack trace). */
    private static List<String> captureApplicationLog() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<String> lines = new CopyOnWriteArrayList<>();
        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent event) {
                lines.add(event.getLoggerName() + " " + event.getFormattedMessage() + " " + event.getMDCPropertyMap()
                        + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())));
            }
        };
        appender.setContext(context);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
        return lines;
    }

    private static String resetTokenFromMail() throws IOException {
        try (Stream<Path> files = Files.list(DIR.resolve("mail"))) {
            for (Path file : files.toList()) {
                Matcher link = Pattern.compile("reset-password\\?token=([A-Za-z0-9_-]+)").matcher(Files.readString(file));
                if (link.find()) {
                    return link.group(1);
                }
            }
        }
        throw new AssertionError("no reset mail was written");
    }

    private static URI uri(String path) {
        return URI.create("http://localhost:" + APP.getLocalPort() + path);
    }

    private static Path tempDirectory() {
        try {
            return Files.createTempDirectory("nosecrets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
