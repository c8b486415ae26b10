package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.jakebuysit.testsupport.TestDatabase;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The client address everything downstream sees (here: the audit log of a sign-up) comes from
 * X-Forwarded-For only when the connection is from a trusted proxy: 127.0.0.1/32 is trusted in
 * this app; 127.0.0.2, another loopback address, is not.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class ClientAddressApiTest {

    private static final TestDatabase DB = TestDatabase.create("clientaddress");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static final DropwizardAppExtension<JakeBuysItConfiguration> APP = new DropwizardAppExtension<>(
            TestApplication.class, "config.yml", TestSupport.overrides(DB, "clientaddress",
                    Map.of("network.trustedProxies", "127.0.0.1/32, 2001:db8::/32")));

    @AfterAll
    static void dropSchema() {
        DB.close();
    }

    @Test
    void aTrustedProxysHeaderNamesTheClient() throws Exception {
        String id = registerFromLocalhost("198.51.100.23");

        assertThat(auditedAddress(id)).isEqualTo("198.51.100.23");
    }

    @Test
    void whatTheClientWroteLeftOfTheProxysEntryIsNotBelieved() throws Exception {
        String id = registerFromLocalhost("6.6.6.6, 198.51.100.24");

        assertThat(auditedAddress(id)).isEqualTo("198.51.100.24");
    }

    @Test
    void aMalformedHeaderFromATrustedProxyLeavesTheProxysAddress() throws Exception {
        String id = registerFromLocalhost("not-an-address");

        assertThat(auditedAddress(id)).isEqualTo("127.0.0.1");
    }

    @Test
    void aSpoofedHeaderFromAnUntrustedPeerIsIgnored() throws Exception {
        String email = "spoof-" + UUID.randomUUID() + "@example.com";
        String body = "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"name\":\"Spoof\"}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String response;
        try (Socket socket = new Socket()) {
            // Another loopback address: a peer the app does not trust.
            socket.bind(new InetSocketAddress("127.0.0.2", 0));
            socket.connect(new InetSocketAddress("127.0.0.1", APP.getLocalPort()), 5000);
            socket.setSoTimeout(20000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/auth/register HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-Forwarded-For: 198.51.100.66\r\nContent-Length: " + bytes.length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            InputStream in = socket.getInputStream();
            response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(response).as(response).matches("(?s)HTTP/1\\.[01] 201.*");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"").matcher(response);
        assertThat(id.find()).as(response).isTrue();

        assertThat(auditedAddress(id.group(1))).isEqualTo("127.0.0.2");
    }

    private static String registerFromLocalhost(String forwardedFor) throws IOException, InterruptedException {
        String email = "xff-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/api/v1/auth/register"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"" + email
                        + "\",\"password\":\"correct horse battery\",\"name\":\"Forwarded\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpCalls.body(response).path("user").path("id").asText();
    }

    private static String auditedAddress(String userId) {
        return DB.jdbi().withHandle(h -> h.createQuery(
                        "SELECT host(ip) FROM audit_log WHERE entity_type = 'user' AND entity_id = :id AND action = 'register'")
                .bind("id", userId).mapTo(String.class).one());
    }
}
