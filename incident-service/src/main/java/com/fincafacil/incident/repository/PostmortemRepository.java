package com.fincafacil.incident.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

@ApplicationScoped
public class PostmortemRepository implements PanacheRepositoryBase<PostmortemEntity, UUID> {
}
