package com.fincafacil.flags.client;

import com.fincafacil.flags.domain.EvaluationContext;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;

/** One bulk OFREP evaluation per call, revalidated with the ETag; every failure becomes a {@link Failure}. */
final class OfrepHttp {

    /** What flags-service said: new answers (200) or "what you have is current" (304). */
    sealed interface Outcome permits Modified, NotModified {
    }

    record Modified(String etag, List<FlagAnswer> answers) implements Outcome {
    }

    record NotModified(String etag) implements Outcome {
    }

    /** flags-service could not be asked or did not answer usefully; the message is for operators. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    private final URI endpoint;
    private final Duration timeout;
    private final HttpClient http;

    OfrepHttp(String baseUrl, Duration timeout) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.endpoint = URI.create(base + "/ofrep/v1/evaluate/flags");
        this.timeout = timeout;
        // HTTP/1.1: no h2c upgrade dance with the service's server on every new connection
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }

    /** @param etag the ETag of the answers we hold for this context, or null */
    Outcome fetch(EvaluationContext context, String etag) throws Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(OfrepJson.request(context)));
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        HttpResponse<byte[]> response = send(request.build());
        String newEtag = response.headers().firstValue("ETag").orElse(null);
        int status = response.statusCode();
        if (status == 304) {
            if (etag == null) {
                throw new Failure("flags-service answered 304 to a request without If-None-Match");
            }
            return new NotModified(newEtag != null ? newEtag : etag);
        }
        if (status != 200) {
            throw new Failure("flags-service answered HTTP " + status + " at " + endpoint);
        }
        try {
            return new Modified(newEtag, OfrepJson.answers(response.body()));
        } catch (IOException e) {
            throw new Failure("flags-service sent an answer that is not OFREP bulk JSON: " + e.getMessage());
        }
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws Failure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new Failure("flags-service did not answer within " + timeout.toMillis() + " ms at " + endpoint);
        } catch (ConnectException e) {
            throw new Failure("flags-service is unreachable at " + endpoint + " (connection refused)");
        } catch (IOException e) {
            throw new Failure("flags-service call failed at " + endpoint + ": "
                    + (e.getMessage() != null ? e.getMessage() : "the connection was closed"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while calling flags-service");
        }
    }
}
