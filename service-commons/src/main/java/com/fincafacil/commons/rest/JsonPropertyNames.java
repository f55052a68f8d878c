package com.fincafacil.commons.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Names a broken constraint's field as the client wrote it: a member renamed with
 * {@code @JsonProperty} ({@code porcentaje_rollout}) is refused under that name, not the Java one
 * ({@code porcentajeRollout}) the client never sent. Quarkus hands this bean to Hibernate Validator.
 */
@ApplicationScoped
public class JsonPropertyNames implements PropertyNodeNameProvider {

    private final Map<String, String> names = new ConcurrentHashMap<>();

    @Override
    public String getName(Property property) {
        if (!(property instanceof JavaBeanProperty bean)) {
            return property.getName();
        }
        return names.computeIfAbsent(bean.getDeclaringClass().getName() + "#" + bean.getName(), k -> jsonName(bean));
    }

    private static String jsonName(JavaBeanProperty bean) {
        try {
            JsonProperty renamed = bean.getDeclaringClass().getDeclaredField(bean.getName()).getAnnotation(JsonProperty.class);
            return renamed == null || renamed.value().isEmpty() ? bean.getName() : renamed.value();
        } catch (NoSuchFieldException e) {
            return bean.getName();
        }
    }
}
