package com.fincafacil.release.rest.console;

import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.release.config.ReleaseConfig;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection of every state-changing console request, in one place: the token is an HMAC of
 * the session cookie (so one per session, nothing stored), sent back as the {@code _csrf} form
 * field or the {@code X-CSRF-Token} header (htmx). The session is the local cookie or the OIDC
 * one (whose value changes when its tokens are refreshed: open forms are then asked to reload).
 * Requests that carry no session cookie (API clients with a bearer header) cannot be forged by a
 * browser and are not asked for one.
 */
@ApplicationScoped
public class ConsoleCsrf {

    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    /** The methods whose body may be a form. */
    private static final java.util.Set<String> WRITES = java.util.Set.of("POST", "PUT", "PATCH");

    private final byte[] key;
    private final ConsolePage page;

    public ConsoleCsrf(ReleaseConfig config, ConsolePage page) {
        this.page = page;
        this.key = config.console().csrfKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    /** The token of the session the request carries, or none without a session cookie. */
    String tokenFor(RoutingContext request) {
        for (String name : ConsoleSession.SESSION_COOKIES) {
            io.vertx.core.http.Cookie session = request.request().getCookie(name);
            if (session != null) {
                return sign(session.getValue());
            }
        }
        return null;
    }

    /**
     * {@code @WithFormRead} below has every request's form read before any resource, a GET's too,
     * and a malformed multipart body then failed that read with a 500. A request that reads carries
     * no form: it is refused here, before matching, with a 400 (every route of the service).
     */
    @ServerRequestFilter(preMatching = true)
    public void noFormOnReads(ResteasyReactiveContainerRequestContext context) {
        String type = context.getHeaderString("Content-Type");
        if (type != null && !WRITES.contains(context.getMethod())) {
            String lower = type.trim().toLowerCase(java.util.Locale.ROOT);
            if (lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded")) {
                throw Refusal.of(Refusal.Kind.INVALID, null, "form_on_read", "method", context.getMethod());
            }
        }
    }

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext context, RoutingContext request) {
        if (!"POST".equals(context.getMethod()) || !request.normalizedPath().startsWith(ConsoleSession.PATH + "/")) {
            return null;
        }
        String expected = tokenFor(request);
        if (expected == null) {
            return null;
        }
        String sent = context.getHeaderString(HEADER);
        if (sent == null) {
            Object field = ((ResteasyReactiveRequestContext) context.getServerRequestContext()).getFormParameter(FIELD, true, false);
            sent = field == null ? null : field.toString();
        }
        if (sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            return null;
        }
        return page.error(request, 403, "error_csrf");
    }

    private String sign(String session) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(session.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
