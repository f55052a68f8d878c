package com.fincafacil.release.service;

import com.fincafacil.release.config.ReleaseConfig;
import com.fincafacil.release.domain.deployment.ScratchDatabases;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Connections to the farm database and to others on its server, with the farm credentials. Plain
 * connections, not a pool: release-service reads the farm database a few times per release, and
 * a disaster restore must hold no session on a database it renames.
 */
@ApplicationScoped
public class FarmConnections {

    private final ReleaseConfig config;

    public FarmConnections(ReleaseConfig config) {
        this.config = config;
    }

    /** The farm database. */
    public Connection farm() throws SQLException {
        return connect(farmDatabaseName());
    }

    /** Another database on the farm database's server ({@code postgres} for whole-database verbs). */
    public Connection connect(String database) throws SQLException {
        ReleaseConfig.FarmDatabase db = config.farmDatabase();
        return DriverManager.getConnection(ScratchDatabases.url(db.url(), database), db.username(), db.password());
    }

    public String farmDatabaseName() {
        return ScratchDatabases.database(config.farmDatabase().url());
    }
}
