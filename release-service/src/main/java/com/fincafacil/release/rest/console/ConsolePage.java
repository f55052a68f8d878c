package com.fincafacil.release.rest.console;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.commons.rest.KnownRoutes;
import com.fincafacil.commons.rest.Problem;
import com.fincafacil.commons.rest.ProblemMappers;
import com.fincafacil.commons.rest.ProblemTexts;
import com.fincafacil.commons.security.Roles;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What every console page shares: the texts in the operator's language, who is signed in and what
 * their role lets them do (so a viewer is shown no action), the CSRF token for its forms, and
 * error pages that explain a refusal in the operator's language.
 */
@ApplicationScoped
public class ConsolePage {

    private final Engine engine;
    private final ConsoleCsrf csrf;
    private final Instance<SecurityIdentity> identity;
    private final ProblemMappers problems;

    public ConsolePage(Engine engine, ConsoleCsrf csrf, Instance<SecurityIdentity> identity, KnownRoutes routes, ProblemTexts texts) {
        this.engine = engine;
        this.csrf = csrf;
        this.identity = identity;
        this.problems = new ProblemMappers(routes, texts);
    }

    /**
     * A use case's refusal as the API would answer it to this operator: a {@link Refusal} in the
     * operator's language (the same words as the API with that {@code Accept-Language}).
     */
    public Problem problem(Refusal refused, RoutingContext request) {
        return problems.render(refused, ConsoleLocale.ENGLISH.equals(ConsoleLocale.of(request)) ? ProblemTexts.ENGLISH : ProblemTexts.SPANISH);
    }

    /** A page of the signed-in console, {@code section} marking its place in the navigation. */
    public TemplateInstance page(RoutingContext request, String template, String section) {
        SecurityIdentity who = identity.get();
        return plain(request, template).data("section", section)
                .data("user", who.isAnonymous() ? "" : who.getPrincipal().getName())
                .data("role", who.hasRole(Roles.ADMIN) ? Roles.ADMIN : who.hasRole(Roles.OPERATOR) ? Roles.OPERATOR : Roles.VIEWER)
                .data("canOperate", who.hasRole(Roles.OPERATOR))
                .data("isAdmin", who.hasRole(Roles.ADMIN))
                .data("csrf", csrf.tokenFor(request));
    }

    /** A page outside the signed-in part (sign-in, errors): texts and language only. */
    public TemplateInstance plain(RoutingContext request, String template) {
        String language = ConsoleLocale.of(request);
        return engine.getTemplate(template).instance().data("m", ConsoleLocale.texts(language)).data("lang", language)
                .data("back", java.net.URLEncoder.encode(request.request().uri(), java.nio.charset.StandardCharsets.UTF_8)).data("csrf", null).data("section", "").data("user", "").data("role", Roles.VIEWER)
                .data("canOperate", false).data("isAdmin", false);
    }

    /** An error page: {@code key}'s text in the operator's language. */
    public Response error(RoutingContext request, int status, String key) {
        return Response.status(status).type("text/html;charset=UTF-8")
                .entity(plain(request, "console/error.html").data("status", status).data("key", key).data("details", List.of()).render())
                .build();
    }

    /**
     * Why a service refused, in the operator's language where the bundle knows the problem's code
     * ({@code problem_<code>}), with the service's own field messages under it.
     */
    public static List<String> explain(Problem problem, Map<String, String> texts) {
        List<String> lines = new ArrayList<>();
        String known = texts.get("problem_" + problem.code());
        lines.add(known != null ? known : texts.getOrDefault("status_" + problem.status(), texts.get("status_other")));
        if (problem.errors() != null && !problem.errors().isEmpty()) {
            problem.errors().forEach(e -> lines.add((e.field() == null ? "" : e.field() + ": ") + e.message()));
        } else if (problem.detail() != null) {
            lines.add((problem.field() == null ? "" : problem.field() + ": ") + problem.detail());
        }
        return lines;
    }
}
