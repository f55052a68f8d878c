package com.fincafacil.local.entry;

import com.fincafacil.local.PlatformLayout;
import com.fincafacil.local.ServiceProcess;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The launcher's handle on the traffic entry process: starts it, switches it, asks what is in
 * flight, and passes fault verbs on.
 */
public final class EntryProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final ServiceProcess process;
    private final String adminUrl;
    private final Supplier<String> token;

    private EntryProcess(ServiceProcess process, String adminUrl, Supplier<String> token) {
        this.process = process;
        this.adminUrl = adminUrl;
        this.token = token;
    }

    /** An answer of the entry's admin port, as it is. */
    public record Answer(int status, String body) {
    }

    /**
     * Starts the entry in front of {@code activeSlot} and waits until its admin port answers;
     * {@code allowFaults}: whether it serves the fault verbs at all.
     */
    public static EntryProcess start(PlatformLayout layout, String activeSlot, Supplier<String> token, boolean allowFaults)
            throws Exception {
        var settings = layout.settings();
        List<String> launch = new ArrayList<>(List.of("-cp", absoluteClassPath(),
                EntryMain.class.getName(),
                "--port", String.valueOf(settings.port("traffic")),
                "--admin-port", String.valueOf(settings.port("entry-admin")),
                "--active", activeSlot,
                "--public-key", layout.keys().resolve(com.fincafacil.platform.OperatorTokens.PUBLIC_KEY_FILE).toString()));
        for (String slot : PlatformLayout.SLOTS) {
            launch.addAll(List.of("--slot", slot + "=" + settings.slotPort(slot)));
        }
        if (allowFaults) {
            launch.add("--allow-faults");
        }
        ServiceProcess process = ServiceProcess.start("traffic-entry", settings.jvmOptions("traffic-entry"), Map.of(),
                launch, layout.logs().resolve("traffic-entry.log"), layout.root());
        EntryProcess entry = new EntryProcess(process, "http://127.0.0.1:" + settings.port("entry-admin"), token);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            try {
                entry.traffic();
                return entry;
            } catch (IOException e) {
                if (!process.isAlive() || System.currentTimeMillis() > deadline) {
                    process.stop(Duration.ofSeconds(5));
                    throw new IOException("the traffic entry did not start; see " + process.log() + ": "
                            + String.join(" | ", process.logTail(5)));
                }
                Thread.sleep(100);
            }
        }
    }

    /** The launcher's own class path, made absolute so the entry does not depend on a working directory. */
    private static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(p -> java.nio.file.Path.of(p).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** {@code {activeSlot, port, inFlight: {slot: n}}}. */
    public JsonObject traffic() throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create(adminUrl + "/traffic")).GET());
    }

    public void switchTo(String slot) throws IOException, InterruptedException {
        call(HttpRequest.newBuilder(URI.create(adminUrl + "/traffic"))
                .PUT(HttpRequest.BodyPublishers.ofString(new JsonObject().put("slot", slot).encode()))
                .header("Content-Type", "application/json"));
    }

    public int inFlight(String slot) throws IOException, InterruptedException {
        return traffic().getJsonObject("inFlight").getInteger(slot, 0);
    }

    /** A fault verb ({@code /faults…}) sent with the launcher's token, answered as the entry answered it. */
    public Answer faults(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(adminUrl + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token.get())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    private JsonObject call(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + token.get()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("the traffic entry answered " + response.statusCode());
        }
        return new JsonObject(response.body());
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
