package com.fincafacil.release.domain.deployment;

import java.util.UUID;

/**
 * The throw-away databases a release migrates to classify its migrations: named
 * {@code scratch_<release>_<role>} (the launcher migrates no other name), on the farm database's
 * server.
 */
public final class ScratchDatabases {

    private ScratchDatabases() {
    }

    public static String name(UUID releaseId, String role) {
        return "scratch_" + releaseId.toString().substring(0, 8) + "_" + role;
    }

    /** The database a JDBC URL names. */
    public static String database(String farmUrl) {
        int query = farmUrl.indexOf('?');
        String path = query < 0 ? farmUrl : farmUrl.substring(0, query);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** {@code farmUrl} with its database replaced, its parameters kept. */
    public static String url(String farmUrl, String database) {
        int query = farmUrl.indexOf('?');
        String path = query < 0 ? farmUrl : farmUrl.substring(0, query);
        return path.substring(0, path.lastIndexOf('/') + 1) + database + (query < 0 ? "" : farmUrl.substring(query));
    }
}
