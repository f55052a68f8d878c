package com.fincafacil.k8s;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The repo's own files, read so the tests check the manifests against what the services really
 * are: the reactor's modules, their poms' dependencies and their config properties.
 */
final class Repo {

    private final Path root;
    private final Map<String, Path> moduleDirByArtifactId = new HashMap<>();

    private Repo(Path root) {
        this.root = root;
        for (String module : childTexts(parse(root.resolve("pom.xml")), "modules", "module")) {
            Path dir = root.resolve(module);
            moduleDirByArtifactId.put(childText(parse(dir.resolve("pom.xml")), "artifactId"), dir);
        }
    }

    /** Walks up from the working directory (Maven runs a module's tests in the module) to the parent pom. */
    static Repo locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path pom = dir.resolve("pom.xml");
            if (Files.isRegularFile(pom) && read(pom).contains("<artifactId>fincafacil-parent</artifactId>")
                    && Files.isDirectory(dir.resolve("deploy/k8s"))) {
                return new Repo(dir);
            }
        }
        throw new IllegalStateException("no fincafacil-parent pom.xml above " + Path.of("").toAbsolutePath());
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    /** The deployable services: modules whose own application.properties sets an HTTP port. */
    Set<String> serviceNames() {
        Set<String> names = new LinkedHashSet<>();
        moduleDirByArtifactId.values().forEach(dir -> {
            if (ownProperties(dir).containsKey("quarkus.http.port")) {
                names.add(dir.getFileName().toString());
            }
        });
        return names;
    }

    /** A service by its module's directory name, which is also its `app` label. */
    ServiceModule service(String name) {
        Path dir = moduleDirByArtifactId.values().stream()
                .filter(d -> d.getFileName().toString().equals(name) && ownProperties(d).containsKey("quarkus.http.port"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no service module named " + name));
        return new ServiceModule(name, closure(dir));
    }

    /** The module and every FincaFácil module it depends on at run time, dependencies first. */
    private List<Path> closure(Path dir) {
        Set<Path> seen = new LinkedHashSet<>();
        visit(dir, seen);
        return new ArrayList<>(seen);
    }

    private void visit(Path dir, Set<Path> seen) {
        if (seen.contains(dir)) {
            return;
        }
        for (Dependency dep : dependencies(dir)) {
            Path depDir = moduleDirByArtifactId.get(dep.artifactId());
            if (dep.groupId().equals("com.fincafacil") && !dep.scope().equals("test") && depDir != null) {
                visit(depDir, seen);
            }
        }
        seen.add(dir);
    }

    record Dependency(String groupId, String artifactId, String scope) {
    }

    /** The project's direct dependencies (not dependencyManagement's). */
    static List<Dependency> dependencies(Path moduleDir) {
        Element project = parse(moduleDir.resolve("pom.xml")).getDocumentElement();
        List<Dependency> deps = new ArrayList<>();
        for (Element dependencies : children(project, "dependencies")) {
            for (Element dep : children(dependencies, "dependency")) {
                String scope = text(dep, "scope");
                deps.add(new Dependency(text(dep, "groupId"), text(dep, "artifactId"), scope == null ? "compile" : scope));
            }
        }
        return deps;
    }

    /** A module's application.properties and META-INF/microprofile-config.properties, profile keys (%test.…) left out. */
    static Map<String, String> ownProperties(Path moduleDir) {
        Map<String, String> merged = new HashMap<>();
        for (String file : List.of("META-INF/microprofile-config.properties", "application.properties")) {
            Path path = moduleDir.resolve("src/main/resources").resolve(file);
            if (Files.isRegularFile(path)) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(path, UTF_8)) {
                    properties.load(reader);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                properties.stringPropertyNames().stream()
                        .filter(key -> !key.startsWith("%"))
                        .forEach(key -> merged.put(key, properties.getProperty(key)));
            }
        }
        return merged;
    }

    static String read(Path path) {
        try {
            return Files.readString(path, UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> javaSources(Path moduleDir) {
        Path main = moduleDir.resolve("src/main/java");
        if (!Files.isDirectory(main)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(main)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Document parse(Path xml) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + xml, e);
        }
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                found.add(e);
            }
        }
        return found;
    }

    private static String text(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0).getTextContent().trim();
    }

    private static String childText(Document pom, String name) {
        return text(pom.getDocumentElement(), name);
    }

    private static List<String> childTexts(Document pom, String listName, String itemName) {
        return children(pom.getDocumentElement(), listName).stream()
                .flatMap(list -> children(list, itemName).stream())
                .map(e -> e.getTextContent().trim())
                .toList();
    }
}
