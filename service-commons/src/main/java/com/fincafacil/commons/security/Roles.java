package com.fincafacil.commons.security;

/**
 * Caller roles. Operator roles are carried in the JWT {@code groups} claim. Tokens carry the role and every role
 * below it (an admin is also an operator and a viewer), so endpoints name the least role they need.
 */
public final class Roles {

    public static final String VIEWER = "viewer";
    public static final String OPERATOR = "operator";
    public static final String ADMIN = "admin";
    /** Not an operator role: a farm app known by its API key, which sees only its own finca. */
    public static final String FARM_APP = "farm-app";

    private Roles() {
    }
}
