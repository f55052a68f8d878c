package com.fincafacil.incident.domain.announce;

import java.net.URI;

/**
 * A webhook URL is a secret (its path is the credential): only the scheme, host and port are
 * ever shown, as {@code https://hooks.slack.com/****}.
 */
public final class SecretUrl {

    private SecretUrl() {
    }

    public static String mask(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/****";
        } catch (IllegalArgumentException e) {
            return "****";
        }
    }

    /** True for an absolute http(s) URL with a host. */
    public static boolean valid(String url) {
        try {
            URI uri = URI.create(url);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
