package com.fincafacil.incident.repository;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.UUID;

/** Seals, at start, webhook URLs stored in clear before {@link SealedSecret} existed. */
@ApplicationScoped
public class ChannelSealing {

    private static final Logger LOG = Logger.getLogger(ChannelSealing.class);

    @Transactional
    void sealOnStart(@Observes StartupEvent start, EntityManager em) {
        @SuppressWarnings("unchecked")
        List<Object[]> clear = em.createNativeQuery("SELECT id, url FROM announcement_channels WHERE url NOT LIKE :prefix")
                .setParameter("prefix", SealedSecret.PREFIX + "%").getResultList();
        SealedSecret seal = new SealedSecret();
        for (Object[] row : clear) {
            em.createNativeQuery("UPDATE announcement_channels SET url = :url WHERE id = :id")
                    .setParameter("url", seal.convertToDatabaseColumn((String) row[1])).setParameter("id", (UUID) row[0]).executeUpdate();
        }
        if (!clear.isEmpty()) {
            LOG.infof("Sealed %d webhook URL(s) stored in clear", clear.size());
        }
    }
}
