package com.fincafacil.release;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

import java.util.Comparator;

/**
 * Quarkus' secondary class orderer here (junit-platform.properties): test classes by name, as
 * before, except that a class annotated with {@link Order} runs after the unannotated ones of its
 * Quarkus profile, in that order. The console's browser test uses it to run on the release flow's
 * platform after ReleaseFlowIT, whose first release must find the platform untouched.
 */
public class OrderedLast implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator
                .comparingInt((org.junit.jupiter.api.ClassDescriptor c) -> c.findAnnotation(Order.class).map(Order::value).orElse(0))
                .thenComparing(c -> c.getTestClass().getName()));
    }
}
