package io.toastcloud.compute.emulator.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@code String} parameter: the emulator's endpoint for another client,
 * {@code http://127.0.0.1:PORT}, or with {@link #servicePath()} the form with the real
 * service's base path, {@code http://127.0.0.1:PORT/compute}. A {@code URI} parameter needs no
 * annotation.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Endpoint {
    /** Whether to add the real service's base path ({@code /compute}). */
    boolean servicePath() default false;
}
