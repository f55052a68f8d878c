package com.fincafacil.local;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One child JVM of the platform, logging to a file, stopped with SIGTERM and killed if it will not stop. */
public final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Instant startedAt = Instant.now();
    private final ClassDataSharing classData;

    private ServiceProcess(String name, Process process, Path log, ClassDataSharing classData) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.classData = classData;
    }

    /** Starts {@code java <jvmOptions> -D<properties> -jar <jar>} (or a main class with {@code -cp}). */
    public static ServiceProcess start(String name, List<String> jvmOptions, Map<String, String> properties,
                                       List<String> launch, Path log, Path workDir) throws IOException {
        return start(name, jvmOptions, properties, launch, log, workDir, null);
    }

    /** The same, sharing class data through {@code classData} (see {@link ClassDataSharing}). */
    public static ServiceProcess start(String name, List<String> jvmOptions, Map<String, String> properties, List<String> launch,
                                Path log, Path workDir, ClassDataSharing classData) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(jvmOptions);
        if (classData != null) {
            command.addAll(classData.jvmOptions());
        }
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(launch);
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServiceProcess(name, process, log, classData);
    }

    /** A Quarkus fast-jar application. */
    public static List<String> quarkusApp(Path quarkusAppDir) {
        return List.of("-jar", quarkusAppDir.resolve("quarkus-run.jar").toString());
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once it ended, else null. */
    public Integer exitCode() {
        return process.isAlive() ? null : process.exitValue();
    }

    /** Waits for the process to end by itself; false if it is still running after {@code timeout}. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        boolean exited = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (exited && classData != null) {
            classData.settle(process.exitValue() == 0);
        }
        return exited;
    }

    /** SIGKILL: the process ends at once, without its shutdown hooks (a crash). */
    public void kill() {
        process.destroyForcibly();
    }

    /** Sends SIGTERM so Quarkus shuts down cleanly; {@link #stop(Duration)} waits for it. */
    public void signalStop() {
        process.destroy();
    }

    /** SIGTERM, then a kill if it has not stopped within {@code grace}. */
    public void stop(Duration grace) {
        boolean clean = false;
        process.destroy();
        try {
            clean = process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
            if (!clean) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (classData != null) {
            classData.settle(clean);
        }
    }

    /** The last {@code lines} lines of its log (the log is appended across runs, so this is the latest). */
    public List<String> logTail(int lines) {
        return tail(log, lines);
    }

    public static List<String> tail(Path file, int lines) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int size = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[size];
            in.seek(length - size);
            in.readFully(bytes);
            List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\r?\n"));
            return List.copyOf(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** True when {@code /q/health/ready} answers 200. */
    public static boolean isReady(String baseUrl) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
