package com.fincafacil.farm.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class FincaRepository implements PanacheRepositoryBase<FincaEntity, UUID> {

    public List<FincaEntity> byName() {
        return listAll(Sort.ascending("name"));
    }
}
