package com.fincafacil.k8s;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.fail;

/** Renders a kustomization the way an operator would (`kubectl kustomize DIR`) and loads the result. */
final class Kustomize {

    private Kustomize() {
    }

    static Manifests render(Path dir) {
        return new Manifests(load(kubectlKustomize(dir)));
    }

    /** Loads one file of plain manifests (a template no kustomization lists). */
    static Manifests loadFile(Path file) {
        return new Manifests(load(Repo.read(file)));
    }

    private static String kubectlKustomize(Path dir) {
        Process process;
        Path stderr;
        try {
            stderr = Files.createTempFile("kustomize", ".err");
            process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            // a missing kubectl must not pass as "nothing to check": CI machines have it
            return fail("kubectl is needed to render " + dir + " (`kubectl kustomize`), and it could not be run: "
                    + e.getMessage());
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return fail("kubectl kustomize " + dir + " did not finish within 60 s");
            }
            String err = Files.readString(stderr, UTF_8);
            Files.deleteIfExists(stderr);
            if (process.exitValue() != 0) {
                return fail("kubectl kustomize " + dir + " failed (exit " + process.exitValue() + "):\n" + err);
            }
            return out;
        } catch (IOException e) {
            return fail("reading kubectl kustomize " + dir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while rendering " + dir);
        }
    }

    /** Multi-document YAML into typed objects; no cluster involved. */
    @SuppressWarnings("unchecked")
    private static List<HasMetadata> load(String yaml) {
        Object parsed = new KubernetesSerialization().unmarshal(new ByteArrayInputStream(yaml.getBytes(UTF_8)));
        if (parsed instanceof List<?> list) {
            return (List<HasMetadata>) list;
        }
        if (parsed instanceof KubernetesList list) {
            return list.getItems();
        }
        return List.of((HasMetadata) parsed);
    }
}
