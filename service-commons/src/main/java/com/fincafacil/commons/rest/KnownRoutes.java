package com.fincafacil.commons.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service's own routes (method, address template, accepted media types), read once from its
 * JAX-RS resources and the beans that declare a {@link PlainRoute}. The error mapper asks it what an address does accept, so a wrong method is
 * a 405 with {@code Allow} and a wrong body type a 415 that names the types to send.
 */
@ApplicationScoped
public class KnownRoutes {

    record Route(String method, Pattern path, List<String> consumes) {
    }

    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private final BeanManager beans;
    private volatile List<Route> routes;

    public KnownRoutes(BeanManager beans) {
        this.beans = beans;
    }

    /** Methods served at {@code path}, empty when no route has that address. */
    public Set<String> methodsAt(String path) {
        Set<String> methods = new TreeSet<>();
        for (Route route : routes()) {
            if (route.path().matcher(normalise(path)).matches()) {
                methods.add(route.method());
            }
        }
        if (methods.contains("GET")) {
            methods.add("HEAD");
        }
        return methods;
    }

    /** Media types the route for {@code method} at {@code path} declares; empty when it declares none. */
    public List<String> consumes(String method, String path) {
        return routes().stream()
                .filter(r -> r.method().equals(method) && r.path().matcher(normalise(path)).matches())
                .findFirst().map(Route::consumes).orElse(List.of());
    }

    private List<Route> routes() {
        List<Route> known = routes;
        if (known == null) {
            known = scan();
            routes = known;
        }
        return known;
    }

    private List<Route> scan() {
        List<Route> found = new ArrayList<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            PlainRoute plain = type.getAnnotation(PlainRoute.class);
            if (plain != null) {
                found.add(new Route(plain.method(), compile(plain.path()), Arrays.asList(plain.consumes())));
            }
            Path root = type.getAnnotation(Path.class);
            if (root == null) {
                continue;
            }
            for (Method method : type.getMethods()) {
                String verb = httpMethod(method);
                if (verb == null) {
                    continue;
                }
                Path sub = method.getAnnotation(Path.class);
                Consumes consumes = method.isAnnotationPresent(Consumes.class)
                        ? method.getAnnotation(Consumes.class) : type.getAnnotation(Consumes.class);
                found.add(new Route(verb, compile(root.value() + "/" + (sub == null ? "" : sub.value())),
                        consumes == null ? List.of() : Arrays.asList(consumes.value())));
            }
        }
        return List.copyOf(found);
    }

    private static String httpMethod(Method method) {
        for (Annotation a : method.getAnnotations()) {
            HttpMethod verb = a.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    static Pattern compile(String template) {
        String path = normalise(template);
        StringBuilder regex = new StringBuilder();
        Matcher param = TEMPLATE_PARAM.matcher(path);
        int last = 0;
        while (param.find()) {
            regex.append(Pattern.quote(path.substring(last, param.start())));
            regex.append('(').append(param.group(1) == null ? "[^/]+" : param.group(1).trim()).append(')');
            last = param.end();
        }
        regex.append(Pattern.quote(path.substring(last)));
        return Pattern.compile(regex.toString());
    }

    private static String normalise(String path) {
        String single = ("/" + path).replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }
}
