package com.fincafacil.incident.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fincafacil.incident.config.IncidentConfig;
import com.fincafacil.incident.domain.announce.ChannelKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Posts one announcement to a webhook in the channel's shape: Slack's incoming webhook
 * ({@code {"text"}}), a Microsoft Teams MessageCard, or a generic JSON document. The outcome is
 * told in plain words that never carry the URL (it is the channel's secret).
 */
@ApplicationScoped
public class WebhookSender {

    private final HttpClient http;
    private final ObjectMapper mapper;
    private final Duration timeout;

    public WebhookSender(ObjectMapper mapper, IncidentConfig config) {
        this.mapper = mapper;
        this.timeout = config.announcements().timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Empty when the receiver accepted it (2xx); otherwise why not. */
    public Optional<String> send(ChannelKind kind, String url, String announcementKind, String text, Map<String, String> values) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(payload(kind, announcementKind, text, values))))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return status / 100 == 2 ? Optional.empty() : Optional.of("HTTP " + status);
        } catch (HttpTimeoutException e) {
            return Optional.of("tiempo agotado");
        } catch (ConnectException e) {
            return Optional.of("sin conexión");
        } catch (IOException e) {
            return Optional.of("error de red");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrumpido");
        }
    }

    ObjectNode payload(ChannelKind kind, String announcementKind, String text, Map<String, String> values) {
        return switch (kind) {
            case SLACK -> mapper.createObjectNode().put("text", text);
            case TEAMS -> mapper.createObjectNode().put("@type", "MessageCard").put("@context", "https://schema.org/extensions")
                    .put("summary", text).put("themeColor", color(announcementKind)).put("title", "FincaFácil").put("text", text);
            case WEBHOOK -> {
                ObjectNode doc = mapper.createObjectNode().put("source", "fincafacil/incident-service").put("kind", announcementKind)
                        .put("text", text).put("at", Instant.now().toString());
                doc.set("values", mapper.valueToTree(values));
                yield doc;
            }
        };
    }

    private static String color(String announcementKind) {
        return switch (announcementKind) {
            case "GO_LIVE", "INCIDENT_RESOLVED" -> "2EB886";
            case "RELEASE_STARTED" -> "439FE0";
            default -> "D00000";
        };
    }
}
