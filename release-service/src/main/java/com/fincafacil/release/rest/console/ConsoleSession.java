package com.fincafacil.release.rest.console;

import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signing in and out of the console. Locally {@code ./fincafacil console} prints a link with a
 * one-time code: a JWT signed with the platform's key, valid for minutes, whose {@code tok} claim
 * is an operator token. The code is spent on first use and its token becomes the session cookie
 * (HttpOnly, SameSite=Strict, Path=/console), which smallrye-jwt reads like a bearer header, so
 * every console action is held to the API's own roles. The code itself carries no role.
 */
@Path(ConsoleSession.PATH)
public class ConsoleSession {

    static final String PATH = "/console";
    static final String COOKIE = "ff_console";
    static final String PURPOSE = "console-login";
    /** The OIDC tenant the console signs in with when configured (application.properties). */
    static final String OIDC_TENANT = "console";
    /** The cookies a console session lives in: the local link's, else the OIDC code flow's (first chunk when split). */
    static final java.util.List<String> SESSION_COOKIES = java.util.List.of(COOKIE, "q_session_" + OIDC_TENANT,
            "q_session_" + OIDC_TENANT + "_chunk_1");

    /** Codes already spent, until they expire (one release-service instance runs). */
    private static final Map<String, Instant> SPENT = new ConcurrentHashMap<>();

    private final JWTParser parser;
    private final ConsolePage page;
    private final OidcSession oidc;
    private final SecurityIdentity identity;

    public ConsoleSession(JWTParser parser, ConsolePage page, OidcSession oidc, SecurityIdentity identity) {
        this.parser = parser;
        this.page = page;
        this.oidc = oidc;
        this.identity = identity;
    }

    /**
     * Answers a page that moves on to the console rather than a redirect: a redirect chain that
     * began outside the site would not send a SameSite=Strict cookie on its last hop.
     */
    @GET
    @Path("login")
    public Response login(@QueryParam("code") String code, RoutingContext request) {
        JsonWebToken session;
        try {
            JsonWebToken login = parser.parse(code == null ? "" : code);
            if (!PURPOSE.equals(login.getClaim("purpose")) || login.getTokenID() == null) {
                return page.error(request, 400, "login_invalid");
            }
            Instant expires = Instant.ofEpochSecond(login.getExpirationTime());
            SPENT.values().removeIf(e -> e.isBefore(Instant.now()));
            if (SPENT.putIfAbsent(login.getTokenID(), expires) != null) {
                return page.error(request, 400, "login_spent");
            }
            session = parser.parse(String.valueOf((Object) login.getClaim("tok")));
        } catch (ParseException e) {
            return page.error(request, 400, "login_invalid");
        }
        long maxAge = Math.max(0, session.getExpirationTime() - Instant.now().getEpochSecond());
        return Response.ok(page.plain(request, "console/signed-in.html").render())
                .type("text/html;charset=UTF-8")
                .cookie(cookie(COOKIE, session.getRawToken(), (int) maxAge, request)).build();
    }

    @POST
    @Path("logout")
    public Response logout(RoutingContext request) {
        if (identity.getCredential(io.quarkus.oidc.IdTokenCredential.class) != null) {
            // the OIDC session cookie goes too; the provider's own session is the provider's
            oidc.logout().await().atMost(java.time.Duration.ofSeconds(5));
        }
        return Response.seeOther(URI.create(PATH + "/signed-out")).cookie(cookie(COOKIE, "", 0, request)).build();
    }

    @GET
    @Path("signed-out")
    public Response signedOut(RoutingContext request) {
        return Response.ok(page.plain(request, "console/signed-out.html").render()).type("text/html;charset=UTF-8").build();
    }

    /** The language switch: a cookie for a year, then back where the operator was. */
    @GET
    @Path("language")
    public Response language(@QueryParam("to") String to, @QueryParam("back") String back, RoutingContext request) {
        String language = ConsoleLocale.ENGLISH.equals(to) ? ConsoleLocale.ENGLISH : ConsoleLocale.SPANISH;
        // only a console address: the switch is no open redirect
        String target = back != null && back.startsWith(PATH) && !back.startsWith("//") ? back : PATH;
        return Response.seeOther(URI.create(target)).cookie(cookie(ConsoleLocale.COOKIE, language, 365 * 24 * 3600, request)).build();
    }

    private static NewCookie cookie(String name, String value, int maxAge, RoutingContext request) {
        return new NewCookie.Builder(name).value(value).path(PATH).maxAge(maxAge).httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).secure("https".equals(request.request().scheme())).build();
    }
}
